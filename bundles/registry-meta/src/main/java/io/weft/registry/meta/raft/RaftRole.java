package io.weft.registry.meta.raft;

/** What a member is now, as {@code /health/check} reports it ({@code raftStatus:Leader}, REG-42). */
public enum RaftRole {
    LEADER("Leader"),
    FOLLOWER("Follower"),
    CANDIDATE("Candidate"),
    /** Not started, shutting down, or in error. */
    INACTIVE("Inactive");

    private final String label;

    RaftRole(String label) {
        this.label = label;
    }

    /** The word REG-42 prints. */
    public String label() {
        return label;
    }
}
