package io.weft.registry.meta.cluster;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alipay.remoting.Connection;

import io.weft.registry.meta.command.EvictNodes;
import io.weft.registry.meta.raft.MetaRaftNode;
import io.weft.registry.meta.state.NodeRecord;
import io.weft.registry.meta.state.NodeRole;

/**
 * Evicts a session or data server soon after the connection its heartbeats came on closed, when no heartbeat came
 * since: a killed process closes its connections at once (the system sends the close), so the leader need not wait
 * the whole {@code nodeTimeoutMillis} (30 s) before the slot table moves its slots to their followers (REG-32). A
 * server whose connection closed but that lives (a network blip, a restart of its bundle) heartbeats again within a
 * period, reconnecting, and is kept: the eviction is an {@link EvictNodes} with the close as cutoff, which every
 * replica checks against the last renewal in log order. A machine that vanishes without closing its connections
 * is still found by the timeout alone.
 *
 * <p>Only the leader acts (servers heartbeat the leader). Thread-safe: heartbeats and closes come on Bolt's threads,
 * checks run on this class's one timer thread, which {@link #close} stops.
 */
final class DisconnectedNodes implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("registry.meta");

    private record Node(NodeRole role, String address) {
    }

    private final MetaRaftNode raft;
    private final Clock clock;
    private final long graceMillis;
    /** The servers heard on each connection: one, unless a client shares its connection among several. */
    private final Map<Connection, Set<Node>> heard = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    /** @param graceMillis how long after the close a server that sent no heartbeat since is evicted; 0: never */
    DisconnectedNodes(MetaRaftNode raft, Clock clock, long graceMillis, String threadName) {
        this.raft = raft;
        this.clock = clock;
        this.graceMillis = graceMillis;
        this.timer = graceMillis <= 0 ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** A heartbeat of {@code address} came on {@code connection} (to this leader). */
    void heard(Connection connection, NodeRole role, String address) {
        if (timer != null && connection != null) {
            heard.computeIfAbsent(connection, c -> ConcurrentHashMap.newKeySet()).add(new Node(role, address));
        }
    }

    /** {@code connection} closed; if a server heartbeat on it, it is evicted unless it heartbeats again in time. */
    void closed(Connection connection) {
        Set<Node> nodes = connection == null ? null : heard.remove(connection);
        if (nodes == null || !raft.isLeader()) {
            return;
        }
        long closedAt = clock.millis();
        for (Node node : nodes) {
            try {
                timer.schedule(() -> evictIfSilent(node, closedAt), graceMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                return; // closing: the timeout still applies
            }
        }
    }

    private void evictIfSilent(Node node, long closedAt) {
        if (!raft.isLeader()) {
            return;
        }
        if (heard.values().stream().anyMatch(nodes -> nodes.contains(node))) {
            return; // heartbeats again, on a new connection (maybe before this close was reported)
        }
        NodeRecord record = raft.state().nodes(node.role()).get(node.address());
        if (record == null || record.lastRenewalMillis() >= closedAt) {
            return; // gone already, or renewed since
        }
        LOG.info("{} node {} closed its connection {} ms ago and has sent no heartbeat since: evicting", node.role(),
                node.address(), clock.millis() - closedAt);
        raft.apply(new EvictNodes(node.role(), List.of(node.address()), closedAt)).whenComplete((result, failure) -> {
            if (failure != null) {
                LOG.warn("evicting {} node {} after its connection closed failed (the timeout still applies): {}",
                        node.role(), node.address(), failure.toString());
            }
        });
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        heard.clear();
    }
}
