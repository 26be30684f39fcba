package io.weft.registry.data.meta;

import io.weft.registry.protocol.ClusterView;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster as the meta leader last described it: the meta, data and session servers and the push switch. A
 * change of the data server set is logged as the seed's {@code LocalDataServerChangeEvent} in registry-data.log
 * (REG-38). Thread-safe: written by the heartbeat thread, read by anyone.
 */
public final class ClusterMembership {

    private static final Logger LOG = LoggerFactory.getLogger("registry.data");

    private volatile Snapshot snapshot = new Snapshot(null, Set.of(), Set.of(), Set.of(), true);

    /**
     * What one cluster view said.
     *
     * @param metaLeader the meta leader as the meta named it, null before the first view
     */
    public record Snapshot(String metaLeader, Set<String> metaNodes, Set<String> dataNodes, Set<String> sessionNodes,
            boolean pushOpen) {
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    void apply(ClusterView view) {
        Snapshot before = snapshot;
        Snapshot next = new Snapshot(view.getLeader(), sorted(view.getMetaNodes()), sorted(view.getDataNodes()),
                sorted(view.getSessionNodes()), view.isPushOpen());
        snapshot = next;
        if (!next.dataNodes().equals(before.dataNodes())) {
            Set<String> added = new TreeSet<>(next.dataNodes());
            added.removeAll(before.dataNodes());
            Set<String> removed = new TreeSet<>(before.dataNodes());
            removed.removeAll(next.dataNodes());
            LOG.info("[data] LocalDataServerChangeEvent: data servers {} (added {}, removed {})", next.dataNodes(),
                    added, removed);
        }
    }

    private static Set<String> sorted(List<String> addresses) {
        Set<String> set = new TreeSet<>();
        if (addresses != null) {
            addresses.forEach(a -> {
                if (a != null) {
                    set.add(a);
                }
            });
        }
        return Collections.unmodifiableSet(set);
    }
}
