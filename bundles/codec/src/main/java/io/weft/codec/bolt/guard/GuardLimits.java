package io.weft.codec.bolt.guard;

/**
 * What a guarded Bolt port tolerates from its peers (ARCHITECTURE §5). Past a limit the connection is closed; the
 * other connections keep being served.
 *
 * @param maxFrameBytes                   the largest Bolt frame a peer may announce: fixed header, class name, Bolt
 *                                        header map and body. A larger one closes the connection before Bolt
 *                                        buffers it; keep it at least the payload limit of the port's Hessian
 * @param maxNewConnectionsPerIpPerSecond new connections one address may open in a second; the ones beyond are
 *                                        closed at once (a reconnect loop or a flood)
 * @param maxConnections                  connections open at once; new ones beyond are closed at once
 */
public record GuardLimits(int maxFrameBytes, int maxNewConnectionsPerIpPerSecond, int maxConnections) {

    /** Room for the class name and Bolt header map on top of a payload limit. */
    public static final int FRAME_OVERHEAD_BYTES = 64 * 1024;

    /** @throws IllegalArgumentException naming the first bad value */
    public GuardLimits {
        if (maxFrameBytes < BoltFrameHeader.MAX_LENGTH) {
            throw new IllegalArgumentException("maxFrameBytes must be at least " + BoltFrameHeader.MAX_LENGTH
                    + ", was " + maxFrameBytes);
        }
        if (maxNewConnectionsPerIpPerSecond < 1) {
            throw new IllegalArgumentException("maxNewConnectionsPerIpPerSecond must be positive, was "
                    + maxNewConnectionsPerIpPerSecond);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be positive, was " + maxConnections);
        }
    }

    /** The frame limit that fits a payload limit: the payload plus {@link #FRAME_OVERHEAD_BYTES}. */
    public static int frameBytesFor(int maxPayloadBytes) {
        return (int) Math.min(Integer.MAX_VALUE, (long) maxPayloadBytes + FRAME_OVERHEAD_BYTES);
    }
}
