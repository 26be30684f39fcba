package io.weft.registry.meta.cluster;

import java.time.Clock;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alipay.remoting.ConnectionEventType;
import com.alipay.remoting.config.BoltServerOption;
import com.alipay.remoting.rpc.RpcServer;

import io.weft.codec.bolt.BoltHessian;
import io.weft.codec.bolt.BoltEventExecutor;
import io.weft.codec.bolt.BoltServerStop;
import io.weft.codec.bolt.guard.GuardLimits;
import io.weft.codec.bolt.guard.LogThrottle;
import io.weft.codec.bolt.guard.PortGuard;
import io.weft.codec.hessian.SafeHessian;
import io.weft.registry.meta.raft.MetaRaftNode;
import io.weft.registry.meta.state.NodeRole;
import io.weft.registry.protocol.ProtocolClasses;

/**
 * The two cluster ports of one meta member: sessions heartbeat on {@code sessionPort} (9610, REG-50), data servers
 * on {@code dataPort} (9611, REG-51). {@link #start()} once, {@link #close()} once; a port that cannot be bound
 * fails the start and nothing is left listening. Each port has a {@link PortGuard} in front of Bolt's decoder: a
 * frame announced too large or unreadable closes its connection before Bolt buffers it, and new connections past
 * the limits are closed at once (ARCHITECTURE §5); refusals are counted in {@link PortRefusals} and logged. While
 * open, each change of the group's view goes to the servers that asked for it as a one-way {@link ViewNotices
 * notice} on their heartbeat connection.
 */
public final class ClusterPorts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("registry.meta");
    private static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final long REFUSAL_LOG_INTERVAL_MILLIS = 10_000;
    /** A heartbeat is a few hundred bytes; a frame of the body limit plus its class name and header map. */
    public static final int DEFAULT_MAX_FRAME_BYTES = MAX_BODY_BYTES + GuardLimits.FRAME_OVERHEAD_BYTES;
    /**
     * Sessions and data servers hold one connection to each meta server (REG-50, REG-51) and open it again once
     * when they restart; several nodes on one host open a handful a second.
     */
    public static final int DEFAULT_MAX_NEW_CONNECTIONS_PER_IP_PER_SECOND = 20;
    /** Far above the sessions and data servers of a cluster, far below what exhausts the node's file handles. */
    public static final int DEFAULT_MAX_CONNECTIONS = 1_000;
    /** Three heartbeat periods of a server (1 s each by default): a live server reconnects well within that. */
    public static final long DEFAULT_DISCONNECTED_NODE_TIMEOUT_MILLIS = 3_000;

    private final BoltHessian hessian;
    private final String bindAddress;
    private final int sessionPort;
    private final int dataPort;
    private final MetaRaftNode raft;
    private final Clock clock;
    private final GuardLimits limits;
    private final PortRefusals refusals;
    private final LogThrottle refusalLog;
    private final ViewNotices sessionNotices;
    private final ViewNotices dataNotices;
    private final Consumer<String> viewChanged;
    private final long disconnectedNodeTimeoutMillis;
    private DisconnectedNodes disconnected;
    private BoltHessian.Registration registration;
    private RpcServer sessions;
    private RpcServer data;

    /** With the default limits and counters of its own. */
    public ClusterPorts(BoltHessian hessian, String bindAddress, int sessionPort, int dataPort, MetaRaftNode raft,
            Clock clock) {
        this(hessian, bindAddress, sessionPort, dataPort, raft, clock, defaultLimits(), new PortRefusals(),
                DEFAULT_DISCONNECTED_NODE_TIMEOUT_MILLIS);
    }

    /**
     * @param limits   what each of the two ports tolerates from its peers
     * @param refusals where the ports' refusals are counted; the owner may keep it across restarts
     * @param disconnectedNodeTimeoutMillis how long after its heartbeat connection closed a server that has not
     *                                      sent one again is evicted ({@link DisconnectedNodes}); 0: never
     */
    public ClusterPorts(BoltHessian hessian, String bindAddress, int sessionPort, int dataPort, MetaRaftNode raft,
            Clock clock, GuardLimits limits, PortRefusals refusals, long disconnectedNodeTimeoutMillis) {
        this.disconnectedNodeTimeoutMillis = disconnectedNodeTimeoutMillis;
        this.limits = limits;
        this.refusals = refusals;
        this.refusalLog = new LogThrottle(LOG, REFUSAL_LOG_INTERVAL_MILLIS, clock::millis);
        this.hessian = hessian;
        this.bindAddress = bindAddress;
        this.sessionPort = sessionPort;
        this.dataPort = dataPort;
        this.raft = raft;
        this.clock = clock;
        this.sessionNotices = new ViewNotices("session", raft::isLeader);
        this.dataNotices = new ViewNotices("data", raft::isLeader);
        this.viewChanged = what -> {
            sessionNotices.viewChanged(what);
            dataNotices.viewChanged(what);
        };
    }

    /** @throws IllegalStateException naming the port that cannot be bound */
    public synchronized void start() {
        registration = hessian.register(
                new SafeHessian(ProtocolClasses.ALLOWED, MAX_BODY_BYTES, ProtocolClasses.classLoader()),
                (className, reason) -> LOG.error("[heartbeat] refused a body announced as {}: {}", className, reason));
        disconnected = new DisconnectedNodes(raft, clock, disconnectedNodeTimeoutMillis,
                "weft-meta-disconnects-" + sessionPort);
        try {
            sessions = listen(NodeRole.SESSION, sessionPort, sessionNotices);
            data = listen(NodeRole.DATA, dataPort, dataNotices);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        raft.addViewListener(viewChanged);
    }

    private RpcServer listen(NodeRole role, int port, ViewNotices notices) {
        // Bolt manages the connections the port accepts, so that its shutdown closes them too (see close()).
        RpcServer server = new RpcServer(bindAddress, port, true);
        server.option(BoltServerOption.EXTENDED_NETTY_CHANNEL_HANDLER,
                PortGuard.of(limits, clock::millis, refusals.listener(role, refusalLog)));
        ClusterViews views = new ClusterViews(raft);
        DisconnectedNodes nodes = disconnected;
        server.addConnectionEventProcessor(ConnectionEventType.CLOSE, (address, connection) -> nodes.closed(connection));
        server.registerUserProcessor(new HeartbeatProcessor(role, port, raft, views, notices, nodes, clock));
        server.registerUserProcessor(new PingProcessor(port, views));
        try {
            server.startup();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot listen for " + role + " servers on " + bindAddress + ":" + port
                    + ": " + e.getMessage(), e);
        }
        notices.serveOn(server);
        LOG.info("meta server listening for {} servers on {}:{}", role, bindAddress, port);
        return server;
    }

    public static GuardLimits defaultLimits() {
        return new GuardLimits(DEFAULT_MAX_FRAME_BYTES, DEFAULT_MAX_NEW_CONNECTIONS_PER_IP_PER_SECOND,
                DEFAULT_MAX_CONNECTIONS);
    }

    /** Whether the port for {@code role}'s heartbeats listens (the seed's health fields). */
    public boolean listening(NodeRole role) {
        RpcServer server = role == NodeRole.SESSION ? sessions : data;
        return server != null && server.isStarted();
    }

    @Override
    public synchronized void close() {
        raft.removeViewListener(viewChanged);
        sessionNotices.serveOn(null);
        dataNotices.serveOn(null);
        RpcServer[] servers = {sessions, data};
        for (RpcServer server : servers) {
            if (server != null) {
                try {
                    // A restart binds the same port again at once: the stop must have released it. It closes the
                    // accepted connections too, which would otherwise live on in Bolt's JVM-wide worker group,
                    // served by this stopped instance's processors (keeping its bundle revision loaded after an
                    // in-place update); closed, the data and session servers reconnect to whatever listens next.
                    if (!BoltServerStop.stop(server::shutdown, bindAddress, server.port(), BoltServerStop.DEFAULT_WAIT)) {
                        LOG.warn("cluster port {}:{} still taken after closing", bindAddress, server.port());
                    }
                } catch (RuntimeException e) {
                    LOG.warn("closing a cluster port: {}", e.getMessage());
                }
            }
        }
        for (RpcServer server : servers) {
            if (server != null) {
                // Bolt's shutdown leaves the server's connection event thread running; stopped once the
                // connections' close events are in.
                BoltEventExecutor.shutdown(server);
            }
        }
        sessions = null;
        data = null;
        if (disconnected != null) {
            disconnected.close();
            disconnected = null;
        }
        if (registration != null) {
            registration.close();
            registration = null;
        }
    }
}
