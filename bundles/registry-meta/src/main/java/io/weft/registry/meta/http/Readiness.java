package io.weft.registry.meta.http;

/**
 * Whether this meta server can serve: its servers started and its raft group has a leader (this member or
 * another). What {@code GET /health/readiness} answers and the node's {@code registry-meta} health check reads.
 *
 * @param raftStatus the seed's name of this member's role ({@code Leader}, {@code Follower}, ...)
 * @param leader     the leader's raft address ({@code host:port}), null when none is known
 * @param reason     why it is not ready, null when it is
 */
public record Readiness(boolean ready, String raftStatus, String leader, String reason) {

    public static Readiness ready(String raftStatus, String leader) {
        return new Readiness(true, raftStatus, leader, null);
    }

    public static Readiness notReady(String raftStatus, String leader, String reason) {
        return new Readiness(false, raftStatus, leader, reason);
    }
}
