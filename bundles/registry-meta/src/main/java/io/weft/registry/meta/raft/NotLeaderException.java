package io.weft.registry.meta.raft;

import java.util.Optional;

/**
 * A write reached a member that is not the leader. Callers (the ops endpoints, session and data servers)
 * retry on {@link #leader()} (REG-40).
 */
public final class NotLeaderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String leader;

    public NotLeaderException(String leader) {
        super("not leader, leader is " + (leader == null ? "unknown" : leader));
        this.leader = leader;
    }

    /** The leader's raft address {@code host:port}, when this member knows it. */
    public Optional<String> leader() {
        return Optional.ofNullable(leader);
    }
}
