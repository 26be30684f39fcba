package io.weft.registry.data.replication;

import io.weft.registry.data.slot.LocalSlots;
import io.weft.registry.data.slot.SlotTable;
import io.weft.registry.data.slot.SlotTableChange;
import io.weft.registry.data.slot.WorkGate;
import io.weft.registry.data.store.DatumChanges;
import io.weft.registry.data.store.DatumStore;
import io.weft.registry.data.transport.BoltClient;
import io.weft.registry.data.transport.CallFailedException;
import io.weft.registry.protocol.DatumView;
import io.weft.registry.protocol.SlotSnapshot;
import io.weft.registry.protocol.SlotSyncRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the slot table (decision record 0021): when a table gives this server slots it did not hold, it asks a
 * server that held each one for the whole slot ({@link SlotSyncRequest}), the current leader first, then the slot's
 * previous leader and the other holders, until one answers. Replicas merge by version, so nothing held is lost. A
 * slot nobody can give is left to the sessions, which publish again to a slot's new leader.
 *
 * <p>A server that answered under an older table than this one may still take writes for the slot as its owner
 * (it has not heard of the new table yet), and those would reach this server with no replication: the slot is
 * asked for again every {@value #RESYNC_MILLIS} ms until that server has caught up, at most
 * {@value #RESYNC_ATTEMPTS} times.
 *
 * <p>Once the first table naming this server is synced, the server works ({@code to WORK}, REG-31). Datums of slots
 * this server no longer holds are dropped {@code dropDelayMillis} after the table that took them away, so the
 * slot's new holders can still sync from here meanwhile.
 *
 * <p>Thread confinement: everything runs on the single-thread executor given, one table change after the other.
 */
public final class SlotSyncer {

    private static final Logger LOG = LoggerFactory.getLogger("registry.data");
    static final long RESYNC_MILLIS = 250;
    static final int RESYNC_ATTEMPTS = 40;

    private final LocalSlots slots;
    private final DatumStore store;
    private final BoltClient client;
    private final ReplicationAddresses addresses;
    private final WorkGate gate;
    private final DatumChanges changes;
    private final ScheduledExecutorService executor;
    private final long dropDelayMillis;

    public SlotSyncer(LocalSlots slots, DatumStore store, BoltClient client, ReplicationAddresses addresses,
            WorkGate gate, DatumChanges changes, ScheduledExecutorService executor, long dropDelayMillis) {
        this.slots = slots;
        this.store = store;
        this.client = client;
        this.addresses = addresses;
        this.gate = gate;
        this.changes = changes;
        this.executor = executor;
        this.dropDelayMillis = dropDelayMillis;
    }

    /** Syncs for {@code change} on the syncer's thread. */
    public void tableChanged(SlotTableChange change) {
        submit(() -> sync(change), 0);
    }

    private void sync(SlotTableChange change) {
        String self = slots.self();
        SlotTable next = change.next();
        SlotTable previous = change.previous();
        LOG.info("[data] slot table epoch {}: leading {} and following {} of {} slots", next.epoch(),
                next.leaderCount(self), next.followerCount(self), next.slotCount());
        int synced = 0;
        Map<Integer, List<String>> behind = new LinkedHashMap<>();
        for (SlotTable.Slot slot : next.slots()) {
            if (next.holds(self, slot.id()) && (previous == null || !previous.holds(self, slot.id())
                    || previous.slotCount() != next.slotCount())) {
                List<String> sources = sources(previous, next, slot.id(), self);
                if (syncSlot(slot.id(), sources, next)) {
                    behind.put(slot.id(), sources);
                }
                synced++;
            }
        }
        if (synced > 0) {
            LOG.info("[data] slot table epoch {}: {} newly held slots synced", next.epoch(), synced);
        }
        if (!behind.isEmpty()) {
            submit(() -> resync(behind, next, 1), RESYNC_MILLIS);
        }
        if (next.names(self)) {
            gate.open(self, next);
        } else if (!gate.working()) {
            LOG.info("[data] {} is not in slot table epoch {}: not working yet", self, next.epoch());
        }
        submit(this::dropUnheld, dropDelayMillis);
    }

    /** The current leader, then the previous leader, then the other holders of either table; never this server. */
    private static List<String> sources(SlotTable previous, SlotTable next, int slotId, String self) {
        Set<String> sources = new LinkedHashSet<>();
        next.leaderOf(slotId).ifPresent(sources::add);
        if (previous != null && previous.slotCount() == next.slotCount()) {
            previous.leaderOf(slotId).ifPresent(sources::add);
            sources.addAll(previous.slot(slotId).followers());
        }
        sources.addAll(next.slot(slotId).followers());
        sources.remove(self);
        return new ArrayList<>(sources);
    }

    /** Asks again for the slots whose source was behind, while {@code table} is in force. */
    private void resync(Map<Integer, List<String>> slotsBehind, SlotTable table, int attempt) {
        if (slots.epoch() != table.epoch()) {
            return; // a newer table syncs what it gives on its own
        }
        Map<Integer, List<String>> still = new LinkedHashMap<>();
        slotsBehind.forEach((slotId, sources) -> {
            if (syncSlot(slotId, sources, table)) {
                still.put(slotId, sources);
            }
        });
        if (still.isEmpty()) {
            LOG.info("[data] slot table epoch {}: the servers synced from have caught up with it", table.epoch());
        } else if (attempt < RESYNC_ATTEMPTS) {
            submit(() -> resync(still, table, attempt + 1), RESYNC_MILLIS);
        } else {
            LOG.warn("[data] slot table epoch {}: {} slots were synced from servers still under an older table after"
                    + " {} ms; what those took since reaches this server with the datums' next change",
                    table.epoch(), still.size(), RESYNC_MILLIS * RESYNC_ATTEMPTS);
        }
    }

    /** @return whether the slot came from a server under an older table than {@code table}, to be asked again */
    private boolean syncSlot(int slotId, List<String> sources, SlotTable table) {
        SlotSyncRequest request = new SlotSyncRequest();
        request.setSlotId(slotId);
        for (String source : sources) {
            SlotSnapshot snapshot;
            try {
                snapshot = client.call(addresses.of(source), request, SlotSnapshot.class);
            } catch (CallFailedException e) {
                LOG.warn("[data] slot {} sync from {} failed: {}", slotId, source, e.getMessage());
                continue;
            }
            if (!snapshot.isSuccess()) {
                LOG.info("[data] slot {} sync: {} has nothing to give: {}", slotId, source, snapshot.getMessage());
                continue;
            }
            int applied = merge(snapshot, table);
            LOG.info("[data] slot {} synced from {}: {} datums, {} newer than held", slotId, source,
                    snapshot.getDatums().size(), applied);
            // 0: a server older than protocol 1.4.0, which does not say.
            return snapshot.getSlotTableEpoch() > 0 && snapshot.getSlotTableEpoch() < table.epoch();
        }
        if (!sources.isEmpty()) {
            LOG.warn("[data] slot {} synced from none of {}: its sessions publish it again", slotId, sources);
        }
        return false;
    }

    private int merge(SlotSnapshot snapshot, SlotTable table) {
        String self = slots.self();
        int applied = 0;
        for (DatumView datum : snapshot.getDatums()) {
            String id = datum.getDataInfoId();
            if (id == null || table.slotOf(id) != snapshot.getSlotId()) {
                continue;
            }
            if (store.applyReplica(id, datum.getVersion(), datum.getPublishers())) {
                applied++;
                if (table.leads(self, snapshot.getSlotId())) {
                    // As leader this server tells the sessions and its followers, as for any change it makes.
                    changes.changed(store.get(id));
                }
            }
        }
        return applied;
    }

    private void dropUnheld() {
        SlotTable table = slots.table().orElse(null);
        String self = slots.self();
        if (table == null) {
            return;
        }
        int dropped = store.retainOnly(id -> table.holds(self, table.slotOf(id)));
        if (dropped > 0) {
            LOG.info("[data] {} datums of slots no longer held under slot table epoch {} dropped", dropped,
                    table.epoch());
        }
    }

    private void submit(Runnable task, long delayMillis) {
        try {
            executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // The data server is closing.
        }
    }
}
