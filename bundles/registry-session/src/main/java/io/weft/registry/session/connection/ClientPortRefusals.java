package io.weft.registry.session.connection;

import io.weft.codec.bolt.guard.ConnectionRefusal;
import io.weft.codec.bolt.guard.FrameRefusal;
import io.weft.codec.bolt.guard.LogThrottle;
import io.weft.codec.bolt.guard.RefusalListener;
import io.weft.codec.bolt.guard.RemoteAddress;
import java.net.SocketAddress;

/**
 * What the client port's guard refused, in the session's terms: counted in {@link RefusalCounts} (the
 * {@code registry_session_refused_*} metrics) and logged with the client's address, one line per address and
 * interval: connection refusals in registry-connect.log, frame refusals in registry-session.log, both also in
 * common-error.log. Thread-safe.
 */
final class ClientPortRefusals implements RefusalListener {

    private final RefusalCounts counts;
    private final LogThrottle connectLog;
    private final LogThrottle requestLog;

    ClientPortRefusals(RefusalCounts counts, LogThrottle connectLog, LogThrottle requestLog) {
        this.counts = counts;
        this.connectLog = connectLog;
        this.requestLog = requestLog;
    }

    @Override
    public void frameRefused(FrameRefusal reason, SocketAddress remote, String detail) {
        String key = "frame " + RemoteAddress.ip(remote);
        switch (reason) {
            case OVERSIZED -> counts.frameRefused(RefusalCounts.FrameRefusal.OVERSIZED);
            case MALFORMED -> counts.frameRefused(RefusalCounts.FrameRefusal.MALFORMED);
            case TRUNCATED -> counts.frameRefused(RefusalCounts.FrameRefusal.TRUNCATED);
        }
        if (reason == FrameRefusal.TRUNCATED) {
            // The client closed: the line names it as the one who did.
            requestLog.error(key, "[connection] {} {}", RemoteAddress.text(remote), detail);
        } else {
            requestLog.error(key, "[connection] closed {}: {}", RemoteAddress.text(remote), detail);
        }
    }

    @Override
    public void connectionRefused(ConnectionRefusal reason, SocketAddress remote, int limit) {
        if (reason == ConnectionRefusal.RATE) {
            counts.connectionRefused(RefusalCounts.ConnectionRefusal.RATE);
            String ip = RemoteAddress.ip(remote);
            connectLog.error("rate " + ip, "[connection] refused new connections from {}: more than {} in one second"
                    + " (a reconnect loop or a flood); they are closed at once", ip, limit);
        } else {
            counts.connectionRefused(RefusalCounts.ConnectionRefusal.LIMIT);
            connectLog.error("limit", "[connection] refused a connection from {}: {} client connections are open, the"
                    + " configured maximum", RemoteAddress.text(remote), limit);
        }
    }
}
