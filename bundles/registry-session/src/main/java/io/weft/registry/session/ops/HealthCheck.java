package io.weft.registry.session.ops;

/**
 * Whether this session node can serve clients: its client port listens and, in a cluster, a meta leader answers
 * its heartbeat. The message also says the mode and how many data servers answer. Read by
 * {@code /health/check} and the node's {@code registry-session} health indicator.
 */
public final class HealthCheck {

    /** @param success whether the client port listens and, in a cluster, the meta leader answers */
    public record Result(boolean success, String message) {
    }

    private final SessionView session;

    public HealthCheck(SessionView session) {
        this.session = session;
    }

    public Result check() {
        String endpoint = session.boltEndpoint().orElse(null);
        String counts = String.format("connections:%d, pub:%d, sub:%d, watcher:%d, pushSwitch:%s",
                session.connections().size(), session.publishers(), session.subscribers(), session.watchers(),
                session.pushSwitch().isOpen() ? "open" : "closed");
        ClusterStatus cluster = session.cluster();
        String mode = cluster.clustered()
                ? String.format(", mode:cluster, meta:%s (leader %s), slotTableEpoch:%d, data:%d/%d reachable",
                        cluster.metaReachable(), cluster.metaLeader(), cluster.slotTableEpoch(),
                        cluster.reachableDataServers(), cluster.dataServers().size())
                : ", mode:standalone";
        if (endpoint == null) {
            return new Result(false, "SessionServer boltServer:false (client port not listening), " + counts + mode);
        }
        if (cluster.clustered() && !cluster.metaReachable()) {
            // Unheard by the meta leader, this session drops out of the cluster's session list and slot changes.
            return new Result(false, "SessionServer boltServer:true (" + endpoint + "), no meta leader answers, "
                    + counts + mode);
        }
        return new Result(true, "SessionServer boltServer:true (" + endpoint + "), " + counts + mode);
    }
}
