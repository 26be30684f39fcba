package io.weft.codec.bolt.guard;

import java.net.SocketAddress;

/**
 * The log lines of one guarded server-to-server port's refusals, with the peer's address, through {@code log} (its
 * logger's file and common-error.log): one line per kind, address and interval, such as
 * {@code [data] session port: closed /127.0.0.1:53412: a Bolt frame of 67108926 bytes announced, ...}. The data
 * server's and the meta server's ports write the same lines; counting is the caller's. Thread-safe.
 */
public final class PortRefusalLog implements RefusalListener {

    private final String port;
    private final String tag;
    private final LogThrottle log;

    /**
     * @param port the port's name in the lines, such as {@code session} or {@code RAFT}
     * @param tag  what the lines start with, such as {@code [data]}, {@code [heartbeat]} or {@code [raft]}
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
