package io.weft.registry.data.replication;

import io.weft.registry.data.slot.LocalSlots;
import io.weft.registry.data.slot.SlotTable;
import io.weft.registry.data.store.Datum;
import io.weft.registry.data.store.DatumStore;
import io.weft.registry.protocol.DataReply;
import io.weft.registry.protocol.PublisherEntry;
import io.weft.registry.protocol.ReplicateBatch;
import io.weft.registry.protocol.ReplicateBatchReply;
import io.weft.registry.protocol.ReplicateRequest;
import io.weft.registry.protocol.SlotSnapshot;
import io.weft.registry.protocol.SlotSyncRequest;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the other data servers on 9621: takes a leader's {@link ReplicateRequest} (alone or in a
 * {@link ReplicateBatch}) into the store (unless this
 * server leads that slot itself: its table is newer than the sender's) and answers a {@link SlotSyncRequest} with
 * every datum of the slot this server holds. Thread-safe.
 */
public final class ReplicaReceiver {

    private static final Logger LOG = LoggerFactory.getLogger("registry.data");

    private final LocalSlots slots;
    private final DatumStore store;

    public ReplicaReceiver(LocalSlots slots, DatumStore store) {
        this.slots = slots;
        this.store = store;
    }

    public DataReply replicate(ReplicateRequest request) {
        String dataInfoId = request.getDataInfoId();
        if (dataInfoId == null || dataInfoId.isBlank()) {
            return DataReply.refused("ReplicateRequest without dataInfoId");
        }
        if (slots.leads(dataInfoId)) {
            int slot = slots.placementOf(dataInfoId).map(LocalSlots.Placement::slotId).orElse(-1);
            return DataReply.refused("this server leads slot " + slot + " under slot table epoch " + slots.epoch());
        }
        List<PublisherEntry> publishers = request.getPublishers() == null ? List.of() : request.getPublishers();
        boolean applied = store.applyReplica(dataInfoId, request.getVersion(), publishers);
        if (applied) {
            LOG.debug("[data] replica {} v{} with {} publishers", dataInfoId, request.getVersion(), publishers.size());
        }
        DataReply reply = new DataReply();
        reply.setSuccess(true);
        reply.setDatumVersion(store.get(dataInfoId).version());
        reply.setMessage(applied ? null : "a version at least as high is held");
        return reply;
    }

    /** Each entry as {@link #replicate} takes it alone, the replies in the entries' order (decision record 0027). */
    public ReplicateBatchReply replicateAll(ReplicateBatch batch) {
        List<ReplicateRequest> entries = batch.getEntries();
        if (entries == null || entries.isEmpty()) {
            return ReplicateBatchReply.refused("ReplicateBatch without entries");
        }
        if (entries.size() > ReplicateBatch.MAX_ENTRIES) {
            return ReplicateBatchReply.refused("ReplicateBatch of " + entries.size() + " entries, more than "
                    + ReplicateBatch.MAX_ENTRIES);
        }
        List<DataReply> replies = new ArrayList<>(entries.size());
        for (ReplicateRequest entry : entries) {
            replies.add(entry == null ? DataReply.refused("ReplicateBatch entry is null") : replicate(entry));
        }
        ReplicateBatchReply reply = new ReplicateBatchReply();
        reply.setSuccess(true);
        reply.setReplies(replies);
        return reply;
    }

    public SlotSnapshot snapshot(SlotSyncRequest request) {
        SlotSnapshot snapshot = new SlotSnapshot();
        snapshot.setSlotId(request.getSlotId());
        SlotTable table = slots.table().orElse(null);
        if (table == null) {
            snapshot.setMessage("no slot table yet, nothing held");
            return snapshot;
        }
        if (request.getSlotId() < 0 || request.getSlotId() >= table.slotCount()) {
            snapshot.setMessage("no slot " + request.getSlotId() + " in slot table epoch " + table.epoch());
            return snapshot;
        }
        List<Datum> datums = store.datums(id -> table.slotOf(id) == request.getSlotId());
        snapshot.setDatums(datums.stream().map(Datum::toView).toList());
        snapshot.setSlotTableEpoch(table.epoch());
        snapshot.setSuccess(true);
        return snapshot;
    }

    /** A {@code success=false} snapshot, with the reason. */
    public static SlotSnapshot refusedSnapshot(String message) {
        SlotSnapshot snapshot = new SlotSnapshot();
        snapshot.setMessage(message);
        return snapshot;
    }
}
