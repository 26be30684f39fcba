package io.weft.registry.data.meta;

import io.weft.registry.data.transport.BoltClient;
import io.weft.registry.protocol.ClusterView;
import io.weft.registry.protocol.LeaderHeartbeat;
import io.weft.registry.protocol.MetaServerList;
import io.weft.registry.protocol.NodeHeartbeat;
import io.weft.registry.protocol.Ping;
import io.weft.registry.protocol.SlotTableView;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One heartbeat round to the meta servers (REG-51, decision record 0021): the {@link NodeHeartbeat} goes to the
 * meta believed to lead; a follower's "not leader" answer names the leader, which gets the heartbeat at once; a
 * failed call moves on to the next configured meta for the next round. The other metas get a {@link Ping}, so this
 * server holds one connection to each. A successful {@link ClusterView} updates the {@link ClusterMembership} and,
 * when it carries one, hands on the newer slot table.
 *
 * <p>A failed round is an error line ({@code dataRefreshLeader_fail}, OPS-21) in common-error.log.
 *
 * <p>Thread confinement: {@link #beat()} runs on the data server's scheduler, one round at a time.
 */
public final class MetaHeartbeat implements LeaderHeartbeat.Events {

    private static final Logger LOG = LoggerFactory.getLogger("registry.data");

    private final MetaServerList metas;
    private final LeaderHeartbeat leader;
    private final BoltClient client;
    private final ClusterMembership membership;
    private final Supplier<NodeHeartbeat> heartbeat;
    private final Supplier<Ping> ping;
    private final Consumer<SlotTableView> slotTables;
    private volatile boolean registered;
    private String acceptedBy;

    /**
     * @param metaServers the configured metas, {@code host:9611}
     * @param heartbeat   makes this round's heartbeat (it carries the epoch of the slot table in force)
     * @param slotTables  gets each slot table a view carries
     */
    public MetaHeartbeat(List<String> metaServers, BoltClient client, ClusterMembership membership,
            Supplier<NodeHeartbeat> heartbeat, Supplier<Ping> ping, Consumer<SlotTableView> slotTables) {
        this.metas = new MetaServerList(metaServers);
        this.leader = new LeaderHeartbeat(metas);
        this.client = client;
        this.membership = membership;
        this.heartbeat = heartbeat;
        this.ping = ping;
        this.slotTables = slotTables;
    }

    /** Whether the last round was accepted by a meta leader. */
    public boolean registered() {
        return registered;
    }

    /** One round. */
    public void beat() {
        registered = sendHeartbeat();
        Ping keepAlive = ping.get();
        for (String other : metas.others()) {
            client.callAsync(other, keepAlive, reply -> { },
                    failure -> LOG.debug("[data] ping to meta {} failed: {}", other, failure.toString()));
        }
    }

    private boolean sendHeartbeat() {
        NodeHeartbeat beat = heartbeat.get();
        Optional<LeaderHeartbeat.Accepted> accepted =
                leader.send(target -> client.call(target, beat, ClusterView.class), this);
        if (accepted.isEmpty()) {
            acceptedBy = null;
            return false;
        }
        String target = accepted.get().meta();
        ClusterView view = accepted.get().view();
        if (!target.equals(acceptedBy)) {
            LOG.info("[data] registered with the meta leader {} as {}", target, beat.getAddress());
            acceptedBy = target;
        }
        membership.apply(view);
        if (view.getSlotTable() != null) {
            slotTables.accept(view.getSlotTable());
        }
        return true;
    }

    @Override
    public void callFailed(String meta, Exception failure) {
        LOG.error("[data] dataRefreshLeader_fail: heartbeat to meta {} failed, next round tries the next meta: {}",
                meta, failure.getMessage());
    }

    @Override
    public void refusedWithoutLeader(String meta, String message) {
        LOG.error("[data] dataRefreshLeader_fail: meta {} refused the heartbeat: {} (no leader known)", meta, message);
    }

    @Override
    public void redirected(String meta, String hint, String next, boolean hintResolved) {
        if (hintResolved) {
            LOG.info("[data] meta {} is not the leader, {} is: sending the heartbeat there", meta, next);
        } else {
            LOG.info("[data] meta {} is not the leader and its hint {} names no other configured meta: trying {}",
                    meta, hint, next);
        }
    }
}
