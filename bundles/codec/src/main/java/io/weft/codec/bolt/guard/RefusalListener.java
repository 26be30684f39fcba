package io.weft.codec.bolt.guard;

import java.net.SocketAddress;

/**
 * Hears of every refusal of a guarded port, so the server counts it in its own metrics and writes it to its own
 * log (throttled, e.g. with a {@link LogThrottle}: a flood calls this once per connection or frame). Called on
 * Netty's event loops, so it must be thread-safe and must not block.
 */
public interface RefusalListener {

    /**
     * @param remote the peer, as it was when the connection opened
     * @param detail what was wrong, a phrase for a log line, e.g. {@code "a Bolt frame of 67108926 bytes announced,
     *               more than the 1000 allowed"}, {@code "malformed Bolt frame: unknown command type 5"} or
     *               {@code "closed in the middle of a frame: 72 of its 132 bytes came"}
     */
    void frameRefused(FrameRefusal reason, SocketAddress remote, String detail);

    /**
     * @param remote the peer of the connection closed
     * @param limit  the limit it went past: new connections per address and second for {@link ConnectionRefusal#RATE},
     *               open connections for {@link ConnectionRefusal#LIMIT}
     */
    void connectionRefused(ConnectionRefusal reason, SocketAddress remote, int limit);
}
