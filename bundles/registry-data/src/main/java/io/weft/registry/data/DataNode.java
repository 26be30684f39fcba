package io.weft.registry.data;

import io.weft.codec.bolt.BoltHessian;
import io.weft.registry.data.monitor.DataCounts;
import io.weft.registry.data.ops.DataServerView;
import io.weft.registry.data.ops.DataStatus;
import io.weft.registry.data.server.InProcessSessions;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's data server across configuration changes: {@link #apply} starts one, or replaces it when the options
 * differ. Its counters survive the replacement. A replaced server's memory goes with it: the new one syncs its slots
 * from the other holders and the sessions publish again (decision record 0021), like after a restart. A server that
 * cannot start leaves the node up without one: health is down, and the next {@link #apply} tries again.
 *
 * <p>Thread-safe: changes are serialised; the {@link DataServerView} reads a volatile reference.
 */
public final class DataNode implements DataServerView, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("registry.data");

    private final DataCounts counts = new DataCounts();
    private final Clock clock;
    private final BoltHessian hessian;
    private final InProcessSessions inProcess = new InProcessSessions();
    private volatile DataServer running;
    private DataServerOptions options;
    private boolean closed;

    public DataNode(BoltHessian hessian, Clock clock) {
        this.hessian = Objects.requireNonNull(hessian, "hessian");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return whether a data server runs afterwards */
    public synchronized boolean apply(DataServerOptions next) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (running != null && next.equals(options)) {
            return true;
        }
        if (running != null) {
            LOG.info("[data] options changed: restarting the data server (its slots are synced again)");
            stopServer();
        }
        options = next;
        DataServer server = new DataServer(hessian, next, counts, clock, inProcess);
        try {
            server.start();
        } catch (RuntimeException e) {
            LOG.error("[data] the data server cannot start, this node serves no data: {}", e.getMessage());
            return false;
        }
        running = server;
        return true;
    }

    /** The session port for the session servers of this node, serving whichever data server runs now. */
    public InProcessSessions inProcess() {
        return inProcess;
    }

    @Override
    public DataStatus status() {
        DataServer server = running;
        return server == null ? DataStatus.stopped() : server.status();
    }

    @Override
    public DataCounts counts() {
        return counts;
    }

    @Override
    public synchronized void close() {
        closed = true;
        stopServer();
    }

    private void stopServer() {
        DataServer server = running;
        running = null;
        if (server != null) {
            server.close();
        }
    }
}
