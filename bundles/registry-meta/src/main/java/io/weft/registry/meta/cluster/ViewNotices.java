package io.weft.registry.meta.cluster;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alipay.remoting.Connection;
import com.alipay.remoting.exception.RemotingException;
import com.alipay.remoting.rpc.RpcServer;

import io.weft.registry.protocol.ViewChanged;

/**
 * The connections of one cluster port whose heartbeats asked for {@link ViewChanged} notices, and the notice sent
 * one-way on each when the group's view changes, so that an operator's persistent data (an {@code override://}
 * rule), the push switch or a new slot table reaches the servers within a round trip instead of at their next
 * heartbeat (up to {@code heartbeatMillis}, 1 s by default). Only the leader sends: servers heartbeat the leader, and
 * a member that stopped leading may still hold their connections.
 *
 * <p>Thread-safe: heartbeats subscribe on Bolt's threads, notices go out on the group's state-machine thread (a
 * one-way write each, which does not wait).
 */
final class ViewNotices {

    private static final Logger LOG = LoggerFactory.getLogger("registry.meta");

    private final String role;
    private final BooleanSupplier leading;
    private final Set<Connection> subscribed = ConcurrentHashMap.newKeySet();
    private volatile RpcServer server;

    /** @param role the servers this port serves, for the log */
    ViewNotices(String role, BooleanSupplier leading) {
        this.role = role;
        this.leading = leading;
    }

    /** The port the notices go out on; null once it is closed. */
    void serveOn(RpcServer server) {
        this.server = server;
    }

    /** The server that heartbeat on {@code connection} takes notices (its heartbeat said so). */
    void subscribe(Connection connection) {
        if (connection != null) {
            subscribed.add(connection);
        }
    }

    int subscribers() {
        return subscribed.size();
    }

    /** Tells every subscribed server still connected that the view changed ({@code what}, for the log). */
    void viewChanged(String what) {
        RpcServer port = server;
        if (port == null || !leading.getAsBoolean()) {
            return;
        }
        int sent = 0;
        ViewChanged notice = new ViewChanged(what);
        for (Connection connection : subscribed) {
            if (!connection.isFine()) {
                subscribed.remove(connection);
                continue;
            }
            try {
                port.oneway(connection, notice);
                sent++;
            } catch (RemotingException | RuntimeException e) {
                // The server heartbeats at its next period all the same.
                LOG.debug("[heartbeat] view notice to {} {} not sent: {}", role, connection.getRemoteAddress(), e.toString());
            }
        }
        if (sent > 0) {
            LOG.info("[heartbeat] view changed ({}): told {} {} servers", what, sent, role);
        }
    }
}
