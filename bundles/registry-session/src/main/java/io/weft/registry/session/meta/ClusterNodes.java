package io.weft.registry.session.meta;

import io.weft.registry.protocol.ClusterView;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's servers as the meta leader last described them: metas, data servers, sessions (REG-5). The
 * sessions are what discovery answers (RCP-16); the data servers are whom the session renews its lease with and
 * tells of closed clients. A change of either set is logged. Thread-safe: written by the heartbeat thread.
 */
public final class ClusterNodes {

    private static final Logger LOG = LoggerFactory.getLogger("registry.session");

    /** The servers of one view, each set sorted. */
    public record Snapshot(Set<String> metaNodes, Set<String> dataNodes, Set<String> sessionNodes) {
    }

    private volatile Snapshot snapshot = new Snapshot(Set.of(), Set.of(), Set.of());

    public Snapshot snapshot() {
        return snapshot;
    }

    /** @return whether the set of data servers changed */
    public boolean apply(ClusterView view) {
        Snapshot before = snapshot;
        Snapshot next = new Snapshot(sorted(view.getMetaNodes()), sorted(view.getDataNodes()),
                sorted(view.getSessionNodes()));
        snapshot = next;
        if (!next.dataNodes().equals(before.dataNodes())) {
            LOG.info("[meta] data servers now {}", next.dataNodes());
        }
        if (!next.sessionNodes().equals(before.sessionNodes())) {
            LOG.info("[meta] session servers now {}", next.sessionNodes());
        }
        return !next.dataNodes().equals(before.dataNodes());
    }

    private static Set<String> sorted(List<String> addresses) {
        Set<String> set = new TreeSet<>();
        if (addresses != null) {
            addresses.stream().filter(a -> a != null && !a.isBlank()).forEach(set::add);
        }
        return Collections.unmodifiableSet(set);
    }
}
