package io.weft.registry.data.server;

import com.alipay.remoting.Connection;
import io.weft.registry.data.notify.NoticeChannel;
import io.weft.registry.data.transport.BoltPort;
import io.weft.registry.protocol.DatumChanged;
import io.weft.registry.protocol.DatumChangedBatch;
import io.weft.registry.protocol.SessionLeaseRenew;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session servers' connections to this data server's 9620, by {@code ip:port} of their end, for the change
 * notices (REG-37). A connection is known from Bolt's connect event or from its first request, whichever comes
 * first: Bolt reports connects on another thread, after a request may already have been served. Thread-safe.
 */
public final class SessionConnections implements NoticeChannel {

    private static final Logger LOG = LoggerFactory.getLogger("registry.data");

    private final ConcurrentHashMap<String, Connection> open = new ConcurrentHashMap<>();
    /** The connections whose session said, in a lease renewal, that it reads {@link DatumChangedBatch}. */
    private final Set<String> readBatches = ConcurrentHashMap.newKeySet();
    private final BoltPort port;

    public SessionConnections(BoltPort port) {
        this.port = port;
    }

    void seen(Connection connection) {
        if (connection != null && connection.isFine() && open.putIfAbsent(idOf(connection), connection) == null) {
            LOG.info("[data] session connected from {}, {} session connections", idOf(connection), open.size());
        }
    }

    /** As {@link #seen(Connection)}, for the connection a request came on: a renewal may say it reads batches. */
    void seen(Connection connection, Object request) {
        seen(connection);
        if (connection == null || !(request instanceof SessionLeaseRenew renew) || !renew.isNoticeBatches()) {
            return;
        }
        String id = idOf(connection);
        if (open.get(id) == connection && readBatches.add(id)) {
            LOG.info("[data] session {} at {} reads notice batches", renew.getSessionAddress(), id);
        }
    }

    void closed(Connection connection) {
        if (connection != null && open.remove(idOf(connection), connection)) {
            readBatches.remove(idOf(connection));
            LOG.info("[data] session connection from {} closed, {} left", idOf(connection), open.size());
        }
    }

    public int size() {
        return open.size();
    }

    @Override
    public List<String> connectionIds() {
        return List.copyOf(open.keySet());
    }

    @Override
    public boolean isOpen(String connectionId) {
        Connection connection = open.get(connectionId);
        return connection != null && connection.isFine();
    }

    @Override
    public void send(String connectionId, List<DatumChanged> notices) throws Exception {
        Connection connection = open.get(connectionId);
        if (connection == null) {
            throw new IllegalStateException("no session connection " + connectionId);
        }
        if (notices.size() > 1 && readBatches.contains(connectionId)) {
            DatumChangedBatch batch = new DatumChangedBatch();
            batch.setNotices(new ArrayList<>(notices));
            port.oneway(connection, batch);
        } else {
            // A session older than protocol 1.6.0 has no processor for a batch: it would drop it unread.
            for (DatumChanged notice : notices) {
                port.oneway(connection, notice);
            }
        }
    }

    private static String idOf(Connection connection) {
        return connection.getRemoteIP() + ":" + connection.getRemotePort();
    }
}
