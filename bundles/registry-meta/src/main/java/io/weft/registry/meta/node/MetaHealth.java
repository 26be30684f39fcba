package io.weft.registry.meta.node;

import io.weft.api.health.Health;
import io.weft.api.health.HealthIndicator;
import io.weft.registry.meta.raft.MetaRaftNode;
import io.weft.registry.meta.raft.RaftRole;

/**
 * The node's {@code registry-meta} check: up while this member leads, or follows a leader it knows, so the
 * group can commit. The detail names the role, the leader and the members, e.g.
 * {@code raftStatus:Follower, leader:10.0.0.1:9612, peers:[10.0.0.1:9612, 10.0.0.2:9612, 10.0.0.3:9612]}.
 * Answers from memory.
 */
final class MetaHealth implements HealthIndicator {

    static final String NAME = "registry-meta";

    private final MetaNode node;

    MetaHealth(MetaNode node) {
        this.node = node;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Health check() {
        String failure = node.failure().orElse(null);
        if (failure != null) {
            return Health.down("not running: " + failure);
        }
        MetaRaftNode raft = node.raft();
        RaftRole role = raft.role();
        String leader = raft.leader().orElse(null);
        String detail = "raftStatus:" + role.label() + ", leader:" + (leader == null ? "none" : leader)
                + ", peers:" + raft.peers();
        if (raft.inGroupWithLeader()) {
            return Health.up(detail);
        }
        return Health.down(detail + (role == RaftRole.INACTIVE ? "" : " (no leader: the group cannot commit;"
                + " is a majority of the peers up and reachable on the raft port?)"));
    }
}
