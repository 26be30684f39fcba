package io.weft.registry.session.connection;

/**
 * What the client port tolerates from clients (ARCHITECTURE §5). Past a limit a request gets an error answer
 * or its connection is closed; the other connections keep being served.
 *
 * @param maxPayloadBytes                 the largest request body Hessian reads; a larger one is answered with
 *                                        an error and the connection stays
 * @param maxFrameBytes                   the largest Bolt frame a client may announce: fixed header, class name,
 *                                        Bolt header map and body. A larger one closes the connection before
 *                                        Bolt buffers it. At least {@code maxPayloadBytes}
 * @param maxNewConnectionsPerIpPerSecond new connections one address may open in a second; the ones beyond
 *                                        are closed at once (a reconnect loop or a flood)
 * @param maxConnections                  client connections open at once; new ones beyond are closed at once
 */
public record ClientLimits(int maxPayloadBytes, int maxFrameBytes, int maxNewConnectionsPerIpPerSecond,
        int maxConnections) {

    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 1024 * 1024;
    /**
     * The payload limit plus 64 KiB for the class name and Bolt header map. The client sends a class name of
     * about 60 bytes and no header map.
     */
    public static final int DEFAULT_MAX_FRAME_BYTES = DEFAULT_MAX_PAYLOAD_BYTES + 64 * 1024;
    /**
     * A client opens one connection when it reconnects (RCP-14), and many clients share an address only
     * behind NAT; 50 a second from one address is a loop or a flood.
     */
    public static final int DEFAULT_MAX_NEW_CONNECTIONS_PER_IP_PER_SECOND = 50;
    /** Five times the ops guide's watermark of 2000 client connections per node. */
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;

    public ClientLimits {
        requirePositive(maxPayloadBytes, "maxPayloadBytes");
        requirePositive(maxFrameBytes, "maxFrameBytes");
        requirePositive(maxNewConnectionsPerIpPerSecond, "maxNewConnectionsPerIpPerSecond");
        requirePositive(maxConnections, "maxConnections");
        if (maxFrameBytes < maxPayloadBytes) {
            // A frame carries its payload: a smaller frame limit would close connections the payload limit allows.
            throw new IllegalArgumentException("maxFrameBytes (" + maxFrameBytes
                    + ") must be at least maxPayloadBytes (" + maxPayloadBytes + ")");
        }
    }

    public static ClientLimits defaults() {
        return new ClientLimits(DEFAULT_MAX_PAYLOAD_BYTES, DEFAULT_MAX_FRAME_BYTES,
                DEFAULT_MAX_NEW_CONNECTIONS_PER_IP_PER_SECOND, DEFAULT_MAX_CONNECTIONS);
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
