package io.weft.registry.meta.raft;

import java.net.SocketAddress;

import io.weft.codec.bolt.guard.ConnectionRefusal;
import io.weft.codec.bolt.guard.FrameRefusal;
import io.weft.codec.bolt.guard.LogThrottle;
import io.weft.codec.bolt.guard.RefusalListener;
import io.weft.codec.bolt.guard.RemoteAddress;

/**
 * The raft port's refusals when the member was given no listener of its own ({@link MetaRaftOptions#refusals()}):
 * logged, throttled, counted nowhere. A meta node passes its {@code PortRefusals}, which also counts them.
 */
final class RaftPortRefusalLog implements RefusalListener {

    private final LogThrottle log;

    RaftPortRefusalLog(LogThrottle log) {
        this.log = log;
    }

    @Override
    public void frameRefused(FrameRefusal reason, SocketAddress remote, String detail) {
        log.error("RAFT frame " + RemoteAddress.ip(remote), "[raft] RAFT port: {} {}: {}",
                reason == FrameRefusal.TRUNCATED ? "peer" : "closed", RemoteAddress.text(remote), detail);
    }

    @Override
    public void connectionRefused(ConnectionRefusal reason, SocketAddress remote, int limit) {
        if (reason == ConnectionRefusal.RATE) {
            String ip = RemoteAddress.ip(remote);
            log.error("RAFT rate " + ip, "[raft] RAFT port: refused new connections from {}: more than {} in one"
                    + " second (a reconnect loop or a flood); they are closed at once", ip, limit);
        } else {
            log.error("RAFT limit", "[raft] RAFT port: refused a connection from {}: {} connections are open, the"
                    + " configured maximum", RemoteAddress.text(remote), limit);
        }
    }
}
