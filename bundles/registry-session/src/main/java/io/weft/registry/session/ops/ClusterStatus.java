package io.weft.registry.session.ops;

import java.util.Map;

/**
 * How a session stands in its registry cluster, for health, metrics and the ops API: standalone, or clustered with
 * whether the meta and data servers answer (decision record 0021).
 *
 * @param clustered      whether the session runs with meta servers; all else is empty when not
 * @param processId      this session process, the key of its lease on the data servers
 * @param metaReachable  whether the last heartbeat was answered by a meta leader
 * @param metaLeader     the meta that answered it, null when none did
 * @param slotTableEpoch the epoch of the slot table in force, 0 before the first
 * @param dataServers    each data server known and whether its last call was answered, by address
 * @param pendingWrites  publications not yet taken by their slot leader
 * @param failures       failures towards the data servers by the seed's event name (e.g.
 *                       {@code session_pub_notifyDataFail}), each counted since the session started
 */
public record ClusterStatus(boolean clustered, String processId, boolean metaReachable, String metaLeader,
        long slotTableEpoch, Map<String, Boolean> dataServers, int pendingWrites, Map<String, Long> failures) {

    /** A standalone session. */
    public static final ClusterStatus STANDALONE =
            new ClusterStatus(false, null, false, null, 0, Map.of(), 0, Map.of());

    public ClusterStatus {
        dataServers = Map.copyOf(dataServers);
        failures = Map.copyOf(failures);
    }

    /** How many data servers answered their last call. */
    public long reachableDataServers() {
        return dataServers.values().stream().filter(Boolean::booleanValue).count();
    }
}
