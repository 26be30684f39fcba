package io.weft.registry.session;

import io.weft.registry.protocol.MetaServerList;
import io.weft.registry.protocol.RegistryPorts;
import java.util.List;

/**
 * Whether a session node runs alone or in a registry cluster, and how it talks to the cluster (decision record
 * 0021). Without meta servers the node is standalone: it holds its clients' publications itself, exactly as before
 * the cluster existed. With meta servers it heartbeats to them on 9610 and hands publications to the data servers
 * on 9620.
 *
 * @param metaServers              the meta servers' session port, {@code host:9610} each; empty for a standalone node
 * @param heartbeatMillis          the period of the heartbeat to the meta leader (REG-50)
 * @param renewMillis              the period of the lease renewal to each data server (REG-34) and of the
 *                                 re-read of the subscribed datums' versions (a lost change notice costs at most
 *                                 that long)
 * @param dataRequestTimeoutMillis how long a call to a data or meta server waits for its reply
 */
public record ClusterOptions(List<String> metaServers, long heartbeatMillis, long renewMillis,
        int dataRequestTimeoutMillis) {

    public static final long DEFAULT_HEARTBEAT_MILLIS = 1000;
    public static final long DEFAULT_RENEW_MILLIS = 5000;
    public static final int DEFAULT_DATA_REQUEST_TIMEOUT_MILLIS = 3000;

    /** A standalone node. */
    public static final ClusterOptions LOCAL = new ClusterOptions(List.of(), DEFAULT_HEARTBEAT_MILLIS,
            DEFAULT_RENEW_MILLIS, DEFAULT_DATA_REQUEST_TIMEOUT_MILLIS);

    /** @throws IllegalArgumentException naming the first bad value */
    public ClusterOptions {
        metaServers = List.copyOf(metaServers);
        require(heartbeatMillis > 0, "heartbeatMillis must be positive: " + heartbeatMillis);
        require(renewMillis > 0, "renewMillis must be positive: " + renewMillis);
        require(dataRequestTimeoutMillis > 0, "dataRequestTimeoutMillis must be positive: " + dataRequestTimeoutMillis);
    }

    /** Whether the node runs in a cluster: it has meta servers. */
    public boolean clustered() {
        return !metaServers.isEmpty();
    }

    /**
     * Reads a comma-separated list of meta servers; an entry without a port gets the meta's session port, 9610. A
     * blank list is a standalone node.
     *
     * @throws IllegalArgumentException if an entry is not {@code host[:port]}
     */
    public static List<String> metaServerList(String commaSeparated) {
        return MetaServerList.parse(commaSeparated, RegistryPorts.META_FOR_SESSIONS);
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}
