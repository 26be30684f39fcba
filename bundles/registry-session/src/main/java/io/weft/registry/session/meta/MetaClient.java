package io.weft.registry.session.meta;

import io.weft.codec.bolt.guard.LogThrottle;
import io.weft.registry.protocol.ClusterView;
import io.weft.registry.protocol.LeaderHeartbeat;
import io.weft.registry.protocol.MetaServerList;
import io.weft.registry.protocol.NodeHeartbeat;
import io.weft.registry.protocol.Ping;
import io.weft.registry.session.cluster.ClusterRpc;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One heartbeat round to the meta servers (REG-50, decision record 0021): the {@link NodeHeartbeat} goes to the meta
 * believed to lead; a follower's "not leader" answer names the leader, which gets the heartbeat at once; a failed
 * call moves on to the next configured meta for the next round. The other metas get a {@link Ping}, so the session
 * holds one connection to each. Every view the leader answers with goes to {@code views}.
 *
 * <p>Thread confinement: {@link #beat()} runs on one thread, one round at a time; the state it reports is volatile.
 */
public final class MetaClient implements LeaderHeartbeat.Events {

    private static final Logger LOG = LoggerFactory.getLogger("registry.session");

    private final MetaServerList metas;
    private final LeaderHeartbeat leader;
    private final ClusterRpc rpc;
    private final int timeoutMillis;
    private final Supplier<NodeHeartbeat> heartbeat;
    private final Supplier<Ping> ping;
    private final Consumer<ClusterView> views;
    private final LogThrottle errors;
    private volatile boolean reachable;
    private volatile String acceptedBy;

    /**
     * @param metaServers the configured metas, {@code host:9610}
     * @param heartbeat   makes this round's heartbeat (it carries the epoch of the slot table in force)
     * @param views       gets each view a meta leader answered with
     */
    public MetaClient(List<String> metaServers, ClusterRpc rpc, int timeoutMillis, Supplier<NodeHeartbeat> heartbeat,
            Supplier<Ping> ping, Consumer<ClusterView> views, LogThrottle errors) {
        this.metas = new MetaServerList(metaServers);
        this.leader = new LeaderHeartbeat(metas);
        this.rpc = rpc;
        this.timeoutMillis = timeoutMillis;
        this.heartbeat = heartbeat;
        this.ping = ping;
        this.views = views;
        this.errors = errors;
    }

    /** Whether the last round was answered by a meta leader. */
    public boolean reachable() {
        return reachable;
    }

    /** The meta that accepted the last heartbeat, null when the last round failed. */
    public String leader() {
        return acceptedBy;
    }

    /** One round. */
    public void beat() {
        reachable = sendHeartbeat();
        Ping keepAlive = ping.get();
        for (String other : metas.others()) {
            rpc.callAsync(other, keepAlive, ClusterView.class, timeoutMillis, (reply, failure) -> {
                if (failure != null) {
                    LOG.debug("[meta] ping to meta {} failed: {}", other, failure.getMessage());
                }
            });
        }
    }

    private boolean sendHeartbeat() {
        NodeHeartbeat beat = heartbeat.get();
        Optional<LeaderHeartbeat.Accepted> accepted =
                leader.send(target -> rpc.call(target, beat, ClusterView.class, timeoutMillis), this);
        if (accepted.isEmpty()) {
            acceptedBy = null;
            return false;
        }
        String target = accepted.get().meta();
        if (!target.equals(acceptedBy)) {
            LOG.info("[meta] registered with the meta leader {} as session {} (process {})", target,
                    beat.getAddress(), beat.getProcessId());
            acceptedBy = target;
        }
        views.accept(accepted.get().view());
        return true;
    }

    @Override
    public void callFailed(String meta, Exception failure) {
        errors.error("meta:" + meta, "[meta] heartbeat to meta {} failed, the next round tries the next meta: {}",
                meta, failure.getMessage());
    }

    @Override
    public void refusedWithoutLeader(String meta, String message) {
        errors.error("meta:" + meta, "[meta] meta {} refused the heartbeat: {} (no leader known)", meta, message);
    }

    @Override
    public void redirected(String meta, String hint, String next, boolean hintResolved) {
        if (hintResolved) {
            LOG.info("[meta] meta {} is not the leader, {} is: sending the heartbeat there", meta, next);
        } else {
            LOG.info("[meta] meta {} is not the leader and its hint {} names no other configured meta: trying {}",
                    meta, hint, next);
        }
    }
}
