package io.weft.registry.data.ops;

/**
 * The data server's state at one moment, as the ops endpoints, the health check and the metrics show it.
 *
 * @param running            whether a data server runs at all (its configuration may not bind)
 * @param address            its address in the slot table, {@code host:port}; null while not running
 * @param sessionPort        whether the sessions' port listens
 * @param replicationPort    whether the replication port listens
 * @param metaRegistered     whether the last heartbeat was accepted by a meta leader
 * @param working            whether it works (REG-31)
 * @param slotTableEpoch     the epoch of the slot table in force, 0 before the first
 * @param leaderSlots        slots it leads
 * @param followerSlots      slots it holds a replica of
 * @param datums             datums with at least one publisher, led or replicated
 * @param publishers         publishers, led or replicated
 * @param leaderPublishers   publishers of the slots it leads: summed over the data servers, each publication once
 * @param sessionConnections open connections from session servers, and the sessions of this node attached in-process
 * @param sessionLeases      session processes with a lease here
 * @param dataNodes          data servers in the last cluster view
 */
public record DataStatus(boolean running, String address, boolean sessionPort, boolean replicationPort,
        boolean metaRegistered, boolean working, long slotTableEpoch, int leaderSlots, int followerSlots, int datums,
        int publishers, int leaderPublishers, int sessionConnections, int sessionLeases, int dataNodes) {

    /** No data server runs. */
    public static DataStatus stopped() {
        return new DataStatus(false, null, false, false, false, false, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
