package io.weft.registry.meta.guard;

import io.weft.codec.bolt.guard.ConnectionRefusal;
import io.weft.codec.bolt.guard.FrameRefusal;
import io.weft.codec.bolt.guard.LogThrottle;
import io.weft.codec.bolt.guard.RefusalListener;
import io.weft.codec.bolt.guard.RemoteAddress;
import java.net.SocketAddress;

/**
 * The log lines of one guarded port's refusals, with the peer's address, through {@code log} (its logger's file and
 * common-error.log): one line per kind, address and interval. Counting is the caller's (the cluster package's
 * {@code PortRefusals}). Thread-safe.
 */
public final class PortRefusalLog implements RefusalListener {

    private final String port;
    private final String tag;
    private final LogThrottle log;

    /**
     * @param port the port's name in the lines, such as {@code SESSION} or {@code RAFT}
     * @param tag  what the lines start with, such as {@code [heartbeat]} or {@code [raft]}
     */
    public PortRefusalLog(String port, String tag, LogThrottle log) {
        this.port = port;
        this.tag = tag;
        this.log = log;
    }

    @Override
    public void frameRefused(FrameRefusal reason, SocketAddress remote, String detail) {
        log.error(port + " frame " + RemoteAddress.ip(remote), "{} {} port: {} {}: {}", tag, port,
                reason == FrameRefusal.TRUNCATED ? "peer" : "closed", RemoteAddress.text(remote), detail);
    }

    @Override
    public void connectionRefused(ConnectionRefusal reason, SocketAddress remote, int limit) {
        if (reason == ConnectionRefusal.RATE) {
            String ip = RemoteAddress.ip(remote);
            log.error(port + " rate " + ip, "{} {} port: refused new connections from {}: more than {} in one second"
                    + " (a reconnect loop or a flood); they are closed at once", tag, port, ip, limit);
        } else {
            log.error(port + " limit", "{} {} port: refused a connection from {}: {} connections are open, the"
                    + " configured maximum", tag, port, RemoteAddress.text(remote), limit);
        }
    }
}
