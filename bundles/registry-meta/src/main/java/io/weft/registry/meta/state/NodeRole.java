package io.weft.registry.meta.state;

/** The two kinds of registry server whose lists the meta server keeps (REG-5). */
public enum NodeRole {
    /** A DataServer: owns slots of the slot table. */
    DATA,
    /** A SessionServer: serves clients, reads the data servers' slot table. */
    SESSION
}
