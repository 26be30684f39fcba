package io.weft.registry.data;

import io.weft.codec.bolt.guard.GuardLimits;
import io.weft.registry.data.monitor.DataCounts;
import io.weft.registry.data.replication.ReplicationAddresses;
import io.weft.registry.data.server.InProcessSessions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-process data servers on 127.0.0.1 free ports, all on one fake meta. They find each other's replication port
 * through a shared map, as a cluster of real hosts finds it on the same port of each host.
 */
public final class TestServers implements AutoCloseable {

    private final Map<String, String> replicationAddresses = new ConcurrentHashMap<>();
    private final List<DataServer> started = new ArrayList<>();
    private final List<String> metaServers;

    public TestServers(String... metaServers) {
        this.metaServers = List.of(metaServers);
    }

    public static DataServerOptions options(List<String> metaServers) {
        return new DataServerOptions("127.0.0.1", "127.0.0.1", 0, 0, metaServers, "DC1", "ZONE_A", 50, 30_000,
                1000, 2, 50, 5000, 1024 * 1024);
    }

    public DataServer start() {
        return start(options(metaServers));
    }

    /** A server heartbeating to the meta every {@code heartbeatMillis}. */
    public DataServer start(long heartbeatMillis) {
        DataServerOptions o = options(metaServers);
        return start(new DataServerOptions(o.bindAddress(), o.advertisedHost(), o.sessionPort(), o.replicationPort(),
                o.metaServers(), o.dataCenter(), o.zone(), heartbeatMillis, o.leaseMillis(), o.leaseCheckMillis(),
                o.notifyRetries(), o.notifyRetryMillis(), o.requestTimeoutMillis(), o.maxPayloadBytes(), o.portLimits(),
                o.emptyDatumRetentionMillis()));
    }

    /** A server with the frame and connection limits {@code portLimits} on both its ports. */
    public DataServer start(GuardLimits portLimits) {
        DataServerOptions o = options(metaServers);
        return start(new DataServerOptions(o.bindAddress(), o.advertisedHost(), o.sessionPort(), o.replicationPort(),
                o.metaServers(), o.dataCenter(), o.zone(), o.heartbeatMillis(), o.leaseMillis(), o.leaseCheckMillis(),
                o.notifyRetries(), o.notifyRetryMillis(), o.requestTimeoutMillis(), o.maxPayloadBytes(), portLimits,
                o.emptyDatumRetentionMillis()));
    }

    /** A server that serves {@code inProcess} too, as the data server of a node with a session does. */
    public DataServer start(InProcessSessions inProcess) {
        return start(options(metaServers), inProcess);
    }

    private DataServer start(DataServerOptions options) {
        return start(options, new InProcessSessions());
    }

    private DataServer start(DataServerOptions options, InProcessSessions inProcess) {
        // An address of no server of this test stays as it is: calls to it fail like calls to a dead server.
        ReplicationAddresses addresses = dataAddress -> replicationAddresses.getOrDefault(dataAddress, dataAddress);
        DataServer server = new DataServer(TestHessian.SLOT, options, new DataCounts(), Clock.systemUTC(), addresses,
                inProcess);
        server.start();
        replicationAddresses.put(server.address(), "127.0.0.1:" + server.replicationPort());
        started.add(server);
        return server;
    }

    @Override
    public void close() {
        // Last started first, as a node stops its bundles.
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        started.clear();
    }
}
