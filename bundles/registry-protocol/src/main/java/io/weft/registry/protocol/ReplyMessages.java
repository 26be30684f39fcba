package io.weft.registry.protocol;

/**
 * The refusal messages decision record 0021 fixes, so that a peer can tell them apart from other failures by
 * their start ({@code message.startsWith(...)}).
 */
public final class ReplyMessages {

    /** A meta follower's answer to a heartbeat; {@link ClusterView#getLeader()} names the leader. */
    public static final String NOT_LEADER = "not leader";
    /** A data server not yet in working state (REG-31) refuses publishes and reads with this. */
    public static final String NOT_WORKING = "not working";

    private static final String NOT_LEADER_OF_SLOT = "not leader of slot ";

    private ReplyMessages() {
    }

    /** A data server's refusal of a request for a slot it does not lead; the reply names the leader it knows. */
    public static String notLeaderOfSlot(int slotId) {
        return NOT_LEADER_OF_SLOT + slotId;
    }

    /** Whether {@code message} is a {@link #notLeaderOfSlot} refusal. */
    public static boolean isNotLeaderOfSlot(String message) {
        return message != null && message.startsWith(NOT_LEADER_OF_SLOT);
    }
}
