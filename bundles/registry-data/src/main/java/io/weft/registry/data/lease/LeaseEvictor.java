package io.weft.registry.data.lease;

import io.weft.registry.data.monitor.DataCounts;
import io.weft.registry.data.slot.LocalSlots;
import io.weft.registry.data.store.Datum;
import io.weft.registry.data.store.DatumChanges;
import io.weft.registry.data.store.DatumStore;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the publishers of session processes whose lease ended (REG-34, REG-35), from the slots this server leads
 * only: followers get the result by replication, so every copy of a datum has one version history.
 * <ul>
 *   <li><b>no heartbeat</b>: not renewed for {@code leaseMillis} ({@code dataRenewEvict_Noheartbeat});</li>
 *   <li><b>expired</b>: the same session address renewed with a new process id, i.e. the session restarted, and
 *       the old process's publishers that its clients did not register again through the new one within the old
 *       lease are stale ({@code dataRenewEvict_Expired}). They are not removed at the restart itself: the
 *       restarted session's clients reconnect and register again within seconds, and until then every subscriber
 *       would be pushed a list without them (an empty one where that session held every publisher).</li>
 * </ul>
 * Each eviction is a line in registry-datum-lease.log and, as the seed's session-off trigger, in registry-data.log.
 *
 * <p>{@link #check()} runs on the data server's scheduler; {@link #superseded} on the worker of the renewal.
 * Thread-safe: the store and the leases are.
 */
public final class LeaseEvictor {

    private static final Logger LOG = LoggerFactory.getLogger("registry.data");
    private static final Logger LEASE_LOG = LoggerFactory.getLogger("registry.datum.lease");

    /** The session address of a lease started for publishers whose session never renewed here. */
    static final String UNKNOWN_ADDRESS = "unknown";

    private final SessionLeases leases;
    private final DatumStore store;
    private final LocalSlots slots;
    private final DatumChanges changes;
    private final DataCounts counts;
    private final Clock clock;
    private final long leaseMillis;
    /**
     * How often the led slots are searched for session processes without a lease, needed only when slots change
     * leader: one look per process and slot (the store's tally; it was a walk over every publisher until
     * 2026-12-08). A process adopted this much later keeps its publishers that much longer.
     */
    private final long adoptEveryMillis;
    /** When the next search is due; read and written by {@link #check()} only, which runs on one thread. */
    private long adoptionDueMillis = Long.MIN_VALUE;

    public LeaseEvictor(SessionLeases leases, DatumStore store, LocalSlots slots, DatumChanges changes,
            DataCounts counts, Clock clock, long leaseMillis) {
        this.leases = leases;
        this.store = store;
        this.slots = slots;
        this.changes = changes;
        this.counts = counts;
        this.clock = clock;
        this.leaseMillis = leaseMillis;
        this.adoptEveryMillis = Math.max(1, leaseMillis / 6);
    }

    /**
     * One round: starts a lease for every session process with publishers in a led slot that has none (a promoted
     * follower's replicas; searched for at most every sixth of the lease time), then evicts the processes not
     * renewed for the lease time.
     */
    public void check() {
        long now = clock.millis();
        if (now >= adoptionDueMillis) {
            LocalSlots.Led led = slots.led();
            leases.adopt(store.sessionProcesses(led.slotCount(), led.slots()), UNKNOWN_ADDRESS, now);
            adoptionDueMillis = now + adoptEveryMillis;
        }
        for (Lease lease : leases.expire(now, leaseMillis)) {
            int removed = evict(lease);
            if (lease.superseded()) {
                counts.evictedExpired(removed);
                LEASE_LOG.info("[lease] dataRenewEvict_Expired: session {} restarted; {} publishers of its old process"
                        + " {} not registered again within its lease removed", lease.sessionAddress(), removed,
                        lease.sessionProcessId());
            } else {
                counts.evictedNoHeartbeat(removed);
                LEASE_LOG.info("[lease] dataRenewEvict_Noheartbeat: session {} process {} not renewed for {} ms,"
                        + " {} publishers removed", lease.sessionAddress(), lease.sessionProcessId(),
                        now - lease.renewedAtMillis(), removed);
            }
        }
    }

    /**
     * A newer process of the same session renewed: {@code old} restarted. Its publishers stay until its lease ends
     * ({@link #check()}), so that its clients can register them again through the new process without any
     * subscriber seeing them go.
     */
    public void superseded(Lease old, String newProcessId) {
        long left = Math.max(0, old.renewedAtMillis() + leaseMillis - clock.millis());
        LEASE_LOG.info("[lease] session {} restarted as process {}: {} publishers of its process {} stay for {} ms"
                + " more, for its clients to register again", old.sessionAddress(), newProcessId,
                heldOf(old.sessionProcessId()), old.sessionProcessId(), left);
    }

    private int heldOf(String sessionProcessId) {
        LocalSlots.Led led = slots.led();
        return store.publisherCount(sessionProcessId, led.slotCount(), led.slots());
    }

    private int evict(Lease lease) {
        String process = lease.sessionProcessId();
        DatumStore.Removal removal = store.removePublishers(slots::leads, p -> process.equals(p.getSessionProcessId()));
        List<Datum> changed = removal.changed();
        int removed = removal.publishers();
        changed.forEach(changes::changed);
        if (removed > 0) {
            LOG.info("[data] dataSessionOff_trigger(data_missing): session {} process {} is off, {} publishers of {}"
                    + " datums cleared", lease.sessionAddress(), process, removed, changed.size());
        }
        return removed;
    }
}
