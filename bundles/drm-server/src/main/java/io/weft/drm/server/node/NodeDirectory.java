package io.weft.drm.server.node;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.drm.protocol.PullEndpoint;
import io.weft.drm.server.core.DatabaseState;
import io.weft.drm.server.store.DrmStore;
import io.weft.drm.server.store.NodeRow;

/**
 * This node's row in the store and the rows of its peers: written and read every
 * {@code nodeHeartbeatSeconds} by {@link #beat()}, so registrations and metrics answer from memory. A
 * node counts as live while its last heartbeat is younger than {@code nodeLiveSeconds}. Thread-safe.
 */
public final class NodeDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(NodeDirectory.class);

    private final DrmStore store;
    private final Clock clock;
    private final Supplier<NodeRow> self;
    private final IntSupplier liveSeconds;
    private final DatabaseState database;
    private volatile List<NodeRow> rows = List.of();

    /**
     * @param self this node's row as of now (connections counted at the call; lastSeen is set here)
     */
    public NodeDirectory(DrmStore store, Clock clock, Supplier<NodeRow> self, IntSupplier liveSeconds,
            DatabaseState database) {
        this.store = store;
        this.clock = clock;
        this.self = self;
        this.liveSeconds = liveSeconds;
        this.database = database;
    }

    /** Writes this node's row and reads every row. Failures are logged and leave the last list in place. */
    public void beat() {
        NodeRow me = withLastSeen(self.get(), clock.millis());
        try {
            store.heartbeatNode(me);
            rows = List.copyOf(store.nodes());
            database.succeeded();
        } catch (RuntimeException e) {
            database.failed(e);
            LOG.warn("drmdata node heartbeat to the database failed: {}", e.getMessage());
        }
    }

    /** Reads the rows now (a relay wants nodes that came up seconds ago); on failure the last list. */
    public List<NodeRow> refresh() {
        try {
            rows = List.copyOf(store.nodes());
            database.succeeded();
        } catch (RuntimeException e) {
            database.failed(e);
            LOG.warn("reading drmdata nodes from the database failed, using the last list: {}", e.getMessage());
        }
        return rows;
    }

    /** Removes this node's row (clean stop). */
    public void remove(String nodeId) {
        try {
            store.removeNode(nodeId);
        } catch (RuntimeException e) {
            LOG.warn("removing drmdata node {} from the database failed: {}", nodeId, e.getMessage());
        }
    }

    /** Live nodes among the last rows read, always including this node as it is now. */
    public List<NodeRow> live() {
        return live(rows);
    }

    /** The live ones among {@code all}, this node included. */
    public List<NodeRow> live(List<NodeRow> all) {
        long now = clock.millis();
        long limit = liveSeconds.getAsInt() * 1000L;
        NodeRow me = withLastSeen(self.get(), now);
        List<NodeRow> live = new ArrayList<>();
        live.add(me);
        for (NodeRow r : all) {
            if (!r.nodeId().equals(me.nodeId()) && now - r.lastSeenMillis() <= limit) {
                live.add(r);
            }
        }
        return live;
    }

    /** Live peers (this node left out) among {@code all}. */
    public List<NodeRow> livePeers(List<NodeRow> all) {
        String me = self.get().nodeId();
        return live(all).stream().filter(r -> !r.nodeId().equals(me)).toList();
    }

    /** The pull endpoints of live nodes, those of {@code dataCenter} first (this node first among equals). */
    public List<PullEndpoint> pullEndpoints(String dataCenter) {
        List<NodeRow> live = live();
        String dc = dataCenter == null ? "" : dataCenter;
        List<PullEndpoint> endpoints = new ArrayList<>();
        live.stream()
                .sorted(Comparator.comparingInt((NodeRow r) -> !dc.isEmpty() && dc.equals(r.dataCenter()) ? 0 : 1))
                .forEach(r -> {
                    try {
                        endpoints.add(new PullEndpoint(r.pullUrl(), r.dataCenter(), r.zone(), r.nodeId()));
                    } catch (IllegalArgumentException badRow) {
                        LOG.debug("drmdata node {} has no usable pull URL: {}", r.nodeId(), badRow.getMessage());
                    }
                });
        return endpoints;
    }

    /** Sum of the connections of live nodes (this node counted as of now). */
    public long clusterConnections() {
        return live().stream().mapToLong(NodeRow::connections).sum();
    }

    private static NodeRow withLastSeen(NodeRow r, long now) {
        return new NodeRow(r.nodeId(), r.host(), r.clientPort(), r.syncPort(), r.pullUrl(), r.dataCenter(), r.zone(),
                now, r.connections());
    }
}
