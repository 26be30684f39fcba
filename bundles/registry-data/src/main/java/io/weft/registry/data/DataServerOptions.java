package io.weft.registry.data;

import io.weft.codec.bolt.guard.GuardLimits;
import io.weft.codec.hessian.SafeHessian;
import io.weft.registry.protocol.MetaServerList;
import io.weft.registry.protocol.RegistryPorts;
import java.util.List;

/**
 * What one data server runs with; checked when made, so a bad value fails before anything starts.
 *
 * @param bindAddress         the address both Bolt ports listen on
 * @param advertisedHost      the host of this server's address in the slot table ({@code host:sessionPort}): what
 *                            the meta, the sessions and the other data servers reach it at
 * @param sessionPort         the sessions' port (9620), 0 for any free one
 * @param replicationPort     the other data servers' port (9621), 0 for any free one
 * @param metaServers         the meta servers' data port, {@code host:9611} each, at least one
 * @param dataCenter          this server's data center, in its heartbeat
 * @param zone                this server's zone, in its heartbeat
 * @param heartbeatMillis     the period of the heartbeat to the meta leader
 * @param leaseMillis         how long a session process's publishers outlive its last renewal (REG-34); also how
 *                            long datums of a slot no longer held are kept for its new holders to sync from
 * @param leaseCheckMillis    the period of the lease check
 * @param notifyRetries       how many times a change notice is tried again after it failed (REG-37); also the
 *                            retries of a replication
 * @param notifyRetryMillis   the pause before each retry
 * @param requestTimeoutMillis how long an outbound call (meta, replication, sync) waits for its reply
 * @param maxPayloadBytes     the largest Bolt body read (ARCHITECTURE §5)
 * @param portLimits          what each of the two Bolt ports tolerates before Bolt buffers a frame or accepts a
 *                            connection: its frame limit at least {@code maxPayloadBytes} (ARCHITECTURE §5)
 * @param emptyDatumRetentionMillis how long a datum without publishers is kept with its version before it is
 *                            forgotten ({@link io.weft.registry.data.store.EmptyDatumSweep}); far above any
 *                            difference between the data servers' clocks
 */
public record DataServerOptions(String bindAddress, String advertisedHost, int sessionPort, int replicationPort,
        List<String> metaServers, String dataCenter, String zone, long heartbeatMillis, long leaseMillis,
        long leaseCheckMillis, int notifyRetries, long notifyRetryMillis, int requestTimeoutMillis,
        int maxPayloadBytes, GuardLimits portLimits, long emptyDatumRetentionMillis) {

    /** Ten minutes: clocks of a cluster are NTP-synchronised to far better than that. */
    public static final long DEFAULT_EMPTY_DATUM_RETENTION_MILLIS = 600_000;
    public static final String DEFAULT_DATA_CENTER = "DefaultDataCenter";
    public static final String DEFAULT_ZONE = "DEFAULT_ZONE";
    /** The payload limit plus room for the class name and Bolt header map, like the session's client port. */
    public static final int DEFAULT_MAX_FRAME_BYTES =
            SafeHessian.DEFAULT_MAX_PAYLOAD_BYTES + GuardLimits.FRAME_OVERHEAD_BYTES;
    /**
     * Peers are servers: a session holds one connection per data server (decision record 0021), a data server one
     * per peer, and a restarted one opens them again once. Even several nodes on one host open a handful a second.
     */
    public static final int DEFAULT_MAX_NEW_CONNECTIONS_PER_IP_PER_SECOND = 20;
    /** Far above the sessions and data servers of a cluster, far below what exhausts the node's file handles. */
    public static final int DEFAULT_MAX_CONNECTIONS = 1_000;

    /** @throws IllegalArgumentException naming the first bad value */
    public DataServerOptions {
        require(bindAddress != null && !bindAddress.isBlank(), "bindAddress is blank");
        require(advertisedHost != null && !advertisedHost.isBlank(), "advertisedHost is blank");
        require(sessionPort >= 0 && sessionPort <= 65535, "sessionPort out of range: " + sessionPort);
        require(replicationPort >= 0 && replicationPort <= 65535, "replicationPort out of range: " + replicationPort);
        require(sessionPort == 0 || sessionPort != replicationPort, "sessionPort and replicationPort are both "
                + sessionPort);
        require(metaServers != null && !metaServers.isEmpty(), "no meta server given");
        metaServers = List.copyOf(metaServers);
        require(dataCenter != null && !dataCenter.isBlank(), "dataCenter is blank");
        require(zone != null && !zone.isBlank(), "zone is blank");
        require(heartbeatMillis > 0, "heartbeatMillis must be positive: " + heartbeatMillis);
        require(leaseMillis > 0, "leaseMillis must be positive: " + leaseMillis);
        require(leaseCheckMillis > 0, "leaseCheckMillis must be positive: " + leaseCheckMillis);
        require(notifyRetries >= 0, "notifyRetries must not be negative: " + notifyRetries);
        require(notifyRetryMillis >= 0, "notifyRetryMillis must not be negative: " + notifyRetryMillis);
        require(requestTimeoutMillis > 0, "requestTimeoutMillis must be positive: " + requestTimeoutMillis);
        require(maxPayloadBytes >= 1024, "maxPayloadBytes must be at least 1024: " + maxPayloadBytes);
        require(portLimits != null, "no port limits");
        require(emptyDatumRetentionMillis > 0, "emptyDatumRetentionMillis must be positive: "
                + emptyDatumRetentionMillis);
        // A frame carries its payload: a smaller frame limit would close connections the payload limit allows.
        require(portLimits.maxFrameBytes() >= maxPayloadBytes, "maxFrameBytes (" + portLimits.maxFrameBytes()
                + ") must be at least maxPayloadBytes (" + maxPayloadBytes + ")");
    }

    /** With the default port limits, the frame limit fitted to {@code maxPayloadBytes}, and the default retention. */
    public DataServerOptions(String bindAddress, String advertisedHost, int sessionPort, int replicationPort,
            List<String> metaServers, String dataCenter, String zone, long heartbeatMillis, long leaseMillis,
            long leaseCheckMillis, int notifyRetries, long notifyRetryMillis, int requestTimeoutMillis,
            int maxPayloadBytes) {
        this(bindAddress, advertisedHost, sessionPort, replicationPort, metaServers, dataCenter, zone, heartbeatMillis,
                leaseMillis, leaseCheckMillis, notifyRetries, notifyRetryMillis, requestTimeoutMillis, maxPayloadBytes,
                defaultPortLimits(maxPayloadBytes), DEFAULT_EMPTY_DATUM_RETENTION_MILLIS);
    }

    /** The default rate and connection limits, and a frame limit that fits {@code maxPayloadBytes}. */
    public static GuardLimits defaultPortLimits(int maxPayloadBytes) {
        return new GuardLimits(Math.max(DEFAULT_MAX_FRAME_BYTES, GuardLimits.frameBytesFor(maxPayloadBytes)),
                DEFAULT_MAX_NEW_CONNECTIONS_PER_IP_PER_SECOND, DEFAULT_MAX_CONNECTIONS);
    }

    /**
     * Reads a comma-separated list of meta servers; an entry without a port gets the meta's data port, 9611.
     *
     * @throws IllegalArgumentException if the list is empty or an entry's port is not a port
     */
    public static List<String> metaServerList(String commaSeparated) {
        List<String> metas = MetaServerList.parse(commaSeparated, RegistryPorts.META_FOR_DATA);
        require(!metas.isEmpty(), "no meta server in '" + commaSeparated + "'");
        return metas;
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}
