package io.weft.registry.session.cluster;

import io.weft.codec.bolt.guard.LogThrottle;
import io.weft.registry.protocol.DataReply;
import io.weft.registry.protocol.SessionLeaseRenew;
import io.weft.registry.session.cluster.ClusterCounts.Failure;
import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews this session process's lease on every data server (REG-34, decision record 0021): a
 * {@link SessionLeaseRenew} with the number of held publications whose slot that server leads, so the server can
 * compare it with what it holds. A data server not renewed for its lease time drops every publisher of this
 * process (REG-35). A renewal not taken is counted ({@code sessionRenew_fail}). The first renewal also opens the
 * connection on which the data server sends its change notices. Calls are asynchronous. Thread-safe.
 */
public final class LeaseRenewer {

    private static final Logger LOG = LoggerFactory.getLogger("registry.session");

    private final Supplier<Collection<String>> dataServers;
    private final Supplier<SlotRouting> routing;
    private final HeldPublications held;
    private final ClusterRpc rpc;
    private final int timeoutMillis;
    private final ClusterCounts counts;
    private final DataReachability reachability;
    private final Supplier<String> sessionAddress;
    private final String processId;
    private final LogThrottle errors;

    public LeaseRenewer(Supplier<Collection<String>> dataServers, Supplier<SlotRouting> routing,
            HeldPublications held, ClusterRpc rpc, int timeoutMillis, ClusterCounts counts,
            DataReachability reachability, Supplier<String> sessionAddress, String processId, LogThrottle errors) {
        this.dataServers = dataServers;
        this.routing = routing;
        this.held = held;
        this.rpc = rpc;
        this.timeoutMillis = timeoutMillis;
        this.counts = counts;
        this.reachability = reachability;
        this.sessionAddress = sessionAddress;
        this.processId = processId;
        this.errors = errors;
    }

    /** One renewal of every data server. */
    public void renew() {
        SlotRouting table = routing.get();
        Map<String, Integer> publishers = table == null ? Map.of() : held.countsByLeader(table);
        String address = sessionAddress.get();
        for (String server : dataServers.get()) {
            SessionLeaseRenew renew = new SessionLeaseRenew();
            renew.setSessionAddress(address);
            renew.setSessionProcessId(processId);
            renew.setPublisherCount(publishers.getOrDefault(server, 0));
            rpc.callAsync(server, renew, DataReply.class, timeoutMillis, (reply, failure) -> {
                if (failure == null && reply.isSuccess()) {
                    reachability.answered(server);
                    if (reply.getMessage() != null) {
                        LOG.debug("[cluster] lease renewed on data server {}: {}", server, reply.getMessage());
                    }
                    return;
                }
                if (failure != null) {
                    reachability.failed(server);
                }
                counts.failed(Failure.RENEW_FAIL);
                errors.error("renew:" + server, "[cluster] {}: lease renewal on data server {} not taken: {}",
                        Failure.RENEW_FAIL.seedName(), server,
                        failure != null ? failure.getMessage() : reply.getMessage());
            });
        }
    }
}
