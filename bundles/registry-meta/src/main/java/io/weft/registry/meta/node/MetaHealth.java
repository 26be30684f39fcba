package io.weft.registry.meta.node;

import io.weft.api.health.Health;
import io.weft.api.health.HealthIndicator;
import io.weft.registry.meta.http.Readiness;
import io.weft.registry.meta.raft.MetaRaftNode;
import io.weft.registry.meta.raft.RaftRole;

/**
 * Whether this member can serve, the one decision behind the node's {@code registry-meta} check and
 * {@code GET /health/readiness}: up while its servers run and it leads, or follows a leader it knows, so the
 * group can commit. The check's detail names the role, the leader and the members, e.g.
 * {@code raftStatus:Follower, leader:10.0.0.1:9612, peers:[10.0.0.1:9612, 10.0.0.2:9612, 10.0.0.3:9612]}.
 * Answers from memory.
 */
final class MetaHealth implements HealthIndicator {

    static final String NAME = "registry-meta";
    private static final String NO_LEADER = "no leader: the group cannot commit; is a majority of the peers up and"
            + " reachable on the raft port?";

    private final MetaNode node;

    MetaHealth(MetaNode node) {
        this.node = node;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** For {@code /health/readiness}. */
    Readiness readiness() {
        MetaRaftNode raft = node.raft();
        RaftRole role = raft.role();
        String leader = raft.leader().orElse(null);
        String failure = node.failure().orElse(null);
        if (failure != null) {
            return Readiness.notReady(role.label(), leader, "not running: " + failure);
        }
        if (raft.inGroupWithLeader()) {
            return Readiness.ready(role.label(), leader);
        }
        return Readiness.notReady(role.label(), leader,
                role == RaftRole.INACTIVE ? "the raft member is not running" : NO_LEADER);
    }

    @Override
    public Health check() {
        Readiness readiness = readiness();
        if (node.failure().isPresent()) {
            return Health.down(readiness.reason());
        }
        String detail = "raftStatus:" + readiness.raftStatus() + ", leader:"
                + (readiness.leader() == null ? "none" : readiness.leader()) + ", peers:" + node.raft().peers();
        if (readiness.ready()) {
            return Health.up(detail);
        }
        return Health.down(detail + (node.raft().role() == RaftRole.INACTIVE ? "" : " (" + NO_LEADER + ")"));
    }
}
