package io.weft.registry.protocol;

/**
 * The seed's ports between the registry roles (REG-50..REG-53, OPS-8). Defaults: every role's configuration can
 * set others.
 */
public final class RegistryPorts {

    /** Sessions to meta servers: {@link NodeHeartbeat}, {@link Ping} (REG-50). */
    public static final int META_FOR_SESSIONS = 9610;
    /** Data servers to meta servers: {@link NodeHeartbeat}, {@link Ping} (REG-51). */
    public static final int META_FOR_DATA = 9611;
    /** Sessions to data servers: publishes, reads, leases; change notices back (REG-52). */
    public static final int DATA_FOR_SESSIONS = 9620;
    /** Data server to data server: replication and slot sync (REG-53). */
    public static final int DATA_REPLICATION = 9621;
    /** A data server's ops HTTP API: {@code /health/check}, {@code /digest/datum/count} (OPS-4). */
    public static final int DATA_HTTP = 9622;

    private RegistryPorts() {
    }
}
