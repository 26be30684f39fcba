package io.weft.registry.meta.cluster;

import java.util.Locale;

import io.weft.registry.meta.state.NodeRole;

/**
 * A meta server port with a guard in front of Bolt's decoder (ARCHITECTURE §5): the two cluster ports, named by
 * the role heartbeating on them, and the raft port the members talk on. {@link #label()} is the {@code port} label
 * of the {@code registry_meta_refused_*} metrics.
 */
public enum GuardedPort {
    /** 9610: session servers' heartbeats (REG-50). */
    SESSION,
    /** 9611: data servers' heartbeats (REG-51). */
    DATA,
    /** 9612: the meta servers' raft group, JRaft's Bolt frames (REG-40). */
    RAFT;

    /** The port session or data servers of {@code role} heartbeat on. */
    public static GuardedPort of(NodeRole role) {
        return role == NodeRole.SESSION ? SESSION : DATA;
    }

    /** {@code session}, {@code data} or {@code raft}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
