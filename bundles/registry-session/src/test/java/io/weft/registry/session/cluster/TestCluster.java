package io.weft.registry.session.cluster;

import io.weft.registry.data.DataServer;
import io.weft.registry.data.DataServerOptions;
import io.weft.registry.data.monitor.DataCounts;
import io.weft.registry.data.replication.ReplicationAddresses;
import io.weft.registry.data.server.InProcessSessions;
import io.weft.registry.protocol.SlotTableView;
import io.weft.registry.protocol.SlotView;
import io.weft.registry.session.ClusterOptions;
import io.weft.registry.session.SessionNode;
import io.weft.registry.session.SessionOptions;
import io.weft.registry.session.realclient.DiscoveryEndpoint;
import io.weft.registry.session.realclient.RealClient;
import io.weft.registry.session.realclient.RealClients;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

/**
 * A registry cluster in this JVM on 127.0.0.1 free ports: a {@link FakeMeta}, real {@link DataServer}s, session nodes
 * in cluster mode, and real {@code registry-client-all} clients, each told by discovery of one given session only, so
 * a test decides which session a client uses. Short periods (heartbeat 50 ms, renewal 200 ms) keep the tests quick;
 * nothing asserts on them.
 */
final class TestCluster implements AutoCloseable {

    static final long HEARTBEAT_MILLIS = 50;
    static final long RENEW_MILLIS = 200;

    final FakeMeta meta = new FakeMeta();
    private final Map<String, String> replicationAddresses = new ConcurrentHashMap<>();
    private final List<DataServer> dataServers = new ArrayList<>();
    private final List<SessionNode> sessions = new ArrayList<>();
    private final Map<SessionNode, DiscoveryEndpoint> discoveries = new ConcurrentHashMap<>();
    private final List<DiscoveryEndpoint> sharedDiscoveries = new CopyOnWriteArrayList<>();
    private final RealClients clients = new RealClients();

    /** A data server heartbeating to the fake meta; it works once a slot table names it. */
    DataServer startData() {
        return startData(30_000);
    }

    /** As {@link #startData()}, dropping a session's publishers {@code leaseMillis} after its last renewal. */
    DataServer startData(long leaseMillis) {
        return startData(leaseMillis, new InProcessSessions());
    }

    /** As {@link #startData()}, serving {@code inProcess} too, as the data server of a session's own node does. */
    DataServer startData(InProcessSessions inProcess) {
        return startData(30_000, inProcess);
    }

    private DataServer startData(long leaseMillis, InProcessSessions inProcess) {
        DataServerOptions options = new DataServerOptions("127.0.0.1", "127.0.0.1", 0, 0, List.of(meta.address()),
                SessionOptions.DEFAULT_DATA_CENTER, SessionOptions.DEFAULT_ZONE, HEARTBEAT_MILLIS, leaseMillis,
                Math.min(1000, leaseMillis / 4), 2, 50, 5000, 1024 * 1024);
        // An address of no server of this test stays as it is: calls to it fail like calls to a dead server.
        ReplicationAddresses addresses = address -> replicationAddresses.getOrDefault(address, address);
        DataServer server = new DataServer(ClusterHessian.SLOT, options, new DataCounts(), Clock.systemUTC(), addresses,
                inProcess);
        server.start();
        replicationAddresses.put(server.address(), "127.0.0.1:" + server.replicationPort());
        dataServers.add(server);
        return server;
    }

    /** A session node in cluster mode on the fake meta, with a discovery endpoint answering it alone. */
    SessionNode startSession() throws Exception {
        return startSession(List.of(meta.address()));
    }

    /** A session node in cluster mode on {@code metas}, with a discovery endpoint answering it alone. */
    SessionNode startSession(List<String> metas) throws Exception {
        return startSession(metas, HEARTBEAT_MILLIS);
    }

    /** As {@link #startSession(List)}, heartbeating every {@code heartbeatMillis}. */
    SessionNode startSession(List<String> metas, long heartbeatMillis) throws Exception {
        SessionNode node = new SessionNode(ClusterHessian.SLOT, () -> null, Clock.systemUTC());
        sessions.add(node);
        ClusterOptions cluster = new ClusterOptions(metas, heartbeatMillis, RENEW_MILLIS, 5000);
        if (!node.apply(SessionOptions.defaults("127.0.0.1").withPort(0), cluster, "127.0.0.1")) {
            throw new IllegalStateException("the session's client port did not start");
        }
        discoveries.put(node, new DiscoveryEndpoint(node.boundPort().orElseThrow()));
        return node;
    }

    /**
     * Restarts {@code node}'s session in place, as an upgrade or a changed option does: the same client port, a new
     * session process (a new process id at the data servers).
     */
    void restartInPlace(SessionNode node) {
        int port = node.boundPort().orElseThrow();
        ClusterOptions cluster = new ClusterOptions(List.of(meta.address()), HEARTBEAT_MILLIS, RENEW_MILLIS, 5000);
        if (!node.apply(SessionOptions.defaults("127.0.0.1").withPort(port), cluster, "127.0.0.1")) {
            throw new IllegalStateException("the session's client port did not start again on " + port);
        }
    }

    /** A real client whose discovery names both sessions, {@code first} first: it picks one of them at random. */
    RealClient clientOfEither(SessionNode first, SessionNode second, String app) throws Exception {
        DiscoveryEndpoint both = new DiscoveryEndpoint(first.boundPort().orElseThrow(),
                List.of(second.boundPort().orElseThrow()));
        sharedDiscoveries.add(both);
        return clients.start(both.port(), app);
    }

    /** A real client of {@code session}. */
    RealClient client(SessionNode session, String app) {
        return clients.start(discoveries.get(session).port(), app);
    }

    /** Closes a data server now, as a crash would end it. */
    void stop(DataServer server) {
        dataServers.remove(server);
        server.close();
    }

    void close(SessionNode session) {
        sessions.remove(session);
        session.close();
    }

    static SlotTableView table(long epoch, int slotCount, IntFunction<String> leaderOf) {
        List<SlotView> slots = new ArrayList<>();
        for (int id = 0; id < slotCount; id++) {
            SlotView slot = new SlotView();
            slot.setId(id);
            slot.setLeader(leaderOf.apply(id));
            slots.add(slot);
        }
        SlotTableView view = new SlotTableView();
        view.setEpoch(epoch);
        view.setSlots(slots);
        return view;
    }

    @Override
    public void close() {
        clients.close();
        discoveries.values().forEach(DiscoveryEndpoint::close);
        sharedDiscoveries.forEach(DiscoveryEndpoint::close);
        sessions.forEach(SessionNode::close);
        for (int i = dataServers.size() - 1; i >= 0; i--) {
            dataServers.get(i).close();
        }
        meta.close();
    }
}
