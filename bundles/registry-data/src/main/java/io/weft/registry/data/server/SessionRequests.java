package io.weft.registry.data.server;

import io.weft.registry.data.lease.Renewals;
import io.weft.registry.data.slot.LocalSlots;
import io.weft.registry.data.slot.WorkGate;
import io.weft.registry.data.store.Datum;
import io.weft.registry.data.store.DatumChanges;
import io.weft.registry.data.store.DatumStore;
import io.weft.registry.protocol.ClientOffRequest;
import io.weft.registry.protocol.DataReply;
import io.weft.registry.protocol.DatumVersions;
import io.weft.registry.protocol.DatumView;
import io.weft.registry.protocol.GetDatumRequest;
import io.weft.registry.protocol.GetDatumVersionsRequest;
import io.weft.registry.protocol.PublicationBatch;
import io.weft.registry.protocol.PublicationBatchReply;
import io.weft.registry.protocol.PublishRequest;
import io.weft.registry.protocol.PublisherEntry;
import io.weft.registry.protocol.ReplyMessages;
import io.weft.registry.protocol.SessionLeaseRenew;
import io.weft.registry.protocol.UnpublishRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the data server does with each session request (decision record 0021). A request about a datum is served
 * only by the leader of its slot; any other server refuses it with {@code "not leader of slot N"} and the leader it
 * knows. Before the server works (REG-31) everything but lease renewals is refused with {@code "not working"}.
 * Every refusal is a reply with {@code success=false}, never an exception.
 *
 * <p>Thread-safe: the store, slots and leases are.
 */
public final class SessionRequests {

    private static final Logger LOG = LoggerFactory.getLogger("registry.data");

    private final DatumStore store;
    private final LocalSlots slots;
    private final WorkGate gate;
    private final Renewals renewals;
    private final DatumChanges changes;

    public SessionRequests(DatumStore store, LocalSlots slots, WorkGate gate, Renewals renewals,
            DatumChanges changes) {
        this.store = store;
        this.slots = slots;
        this.gate = gate;
        this.renewals = renewals;
        this.changes = changes;
    }

    public DataReply publish(PublishRequest request) {
        List<String> missing = RequiredFields.missing(request);
        if (!missing.isEmpty()) {
            return DataReply.refused("PublishRequest without " + String.join(", ", missing));
        }
        String dataInfoId = request.getDataInfoId();
        Optional<DataReply> refusal = refusal(dataInfoId);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        PublisherEntry publisher = request.getPublisher();
        renewals.touch(publisher.getSessionAddress(), publisher.getSessionProcessId());
        DatumStore.Change change = store.publish(dataInfoId, publisher);
        if (change.changed()) {
            changes.changed(change.datum());
            LOG.info("[data] publish {} register {} from session {} connection {}: v{}, {} publishers", dataInfoId,
                    publisher.getRegisterId(), publisher.getSessionAddress(), publisher.getConnectionId(),
                    change.datum().version(), change.datum().publisherCount());
        }
        return ok(change.datum().version(), change.changed() ? null : "a newer registration is held");
    }

    public DataReply unpublish(UnpublishRequest request) {
        if (blank(request.getDataInfoId()) || blank(request.getRegisterId()) || blank(request.getSessionProcessId())) {
            return DataReply.refused("UnpublishRequest needs dataInfoId, registerId and sessionProcessId");
        }
        Optional<DataReply> refusal = refusal(request.getDataInfoId());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        DatumStore.Change change =
                store.unpublish(request.getDataInfoId(), request.getRegisterId(), request.getSessionProcessId());
        if (change.changed()) {
            changes.changed(change.datum());
            LOG.info("[data] unpublish {} register {} of session process {}: v{}", request.getDataInfoId(),
                    request.getRegisterId(), request.getSessionProcessId(), change.datum().version());
        }
        return ok(change.datum().version(), change.changed() ? null : "no such publisher of that session process");
    }

    /**
     * Each entry of the batch as {@link #publish} and {@link #unpublish} would answer it alone, in order. A batch
     * larger than {@link PublicationBatch#MAX_ENTRIES} is refused whole: a session never sends one.
     */
    public PublicationBatchReply batch(PublicationBatch batch) {
        if (batch.size() > PublicationBatch.MAX_ENTRIES) {
            return PublicationBatchReply.refused("PublicationBatch of " + batch.size() + " entries, more than the "
                    + PublicationBatch.MAX_ENTRIES + " taken in one batch");
        }
        List<DataReply> publishReplies = new ArrayList<>(batch.getPublishes().size());
        for (PublishRequest request : batch.getPublishes()) {
            publishReplies.add(request == null ? DataReply.refused("an empty entry in a PublicationBatch")
                    : publish(request));
        }
        List<DataReply> unpublishReplies = new ArrayList<>(batch.getUnpublishes().size());
        for (UnpublishRequest request : batch.getUnpublishes()) {
            unpublishReplies.add(request == null ? DataReply.refused("an empty entry in a PublicationBatch")
                    : unpublish(request));
        }
        PublicationBatchReply reply = new PublicationBatchReply();
        reply.setSuccess(true);
        reply.setPublishReplies(publishReplies);
        reply.setUnpublishReplies(unpublishReplies);
        return reply;
    }

    /** REG-36: the session's clients disconnected; their publishers go from the slots this server leads. */
    public DataReply clientOff(ClientOffRequest request) {
        if (blank(request.getSessionProcessId()) || request.getConnectionIds() == null) {
            return DataReply.refused("ClientOffRequest needs sessionProcessId and connectionIds");
        }
        if (!gate.working()) {
            return DataReply.refused(ReplyMessages.NOT_WORKING);
        }
        String process = request.getSessionProcessId();
        Set<String> connections = new HashSet<>(request.getConnectionIds());
        DatumStore.Removal removal = store.removePublishers(slots::leads,
                p -> process.equals(p.getSessionProcessId()) && connections.contains(p.getConnectionId()));
        List<Datum> changed = removal.changed();
        int removed = removal.publishers();
        changed.forEach(changes::changed);
        if (removed > 0) {
            LOG.info("[data] client off: session process {} connections {}: {} publishers of {} datums removed",
                    process, connections, removed, changed.size());
        }
        return ok(0, removed + " publishers removed");
    }

    public DatumView getDatum(GetDatumRequest request) {
        String dataInfoId = request.getDataInfoId();
        if (blank(dataInfoId)) {
            return Replies.refusedView("GetDatumRequest needs dataInfoId");
        }
        Optional<DataReply> refusal = refusal(dataInfoId);
        if (refusal.isPresent()) {
            DataReply r = refusal.get();
            return Replies.refusedView(r.getSlotLeader() == null ? r.getMessage()
                    : r.getMessage() + ", leader " + r.getSlotLeader());
        }
        return store.get(dataInfoId).toView();
    }

    /** The versions of the requested datums whose slot this server leads; the others are left out. */
    public DatumVersions versions(GetDatumVersionsRequest request) {
        if (!gate.working()) {
            return Replies.refusedVersions(ReplyMessages.NOT_WORKING);
        }
        Map<String, Long> versions = new HashMap<>();
        int skipped = 0;
        if (request.getDataInfoIds() != null) {
            for (String id : request.getDataInfoIds()) {
                if (id != null && slots.leads(id)) {
                    versions.put(id, store.get(id).version());
                } else {
                    skipped++;
                }
            }
        }
        DatumVersions reply = new DatumVersions();
        reply.setSuccess(true);
        reply.setVersions(versions);
        reply.setMessage(skipped == 0 ? null : skipped + " datums left out: their slots are not led here");
        return reply;
    }

    public DataReply renew(SessionLeaseRenew renew) {
        return renewals.renew(renew);
    }

    /** Why this server does not serve {@code dataInfoId}, if it does not. */
    private Optional<DataReply> refusal(String dataInfoId) {
        if (!gate.working()) {
            return Optional.of(DataReply.refused(ReplyMessages.NOT_WORKING));
        }
        Optional<LocalSlots.Placement> placement = slots.placementOf(dataInfoId);
        if (placement.isEmpty()) {
            return Optional.of(DataReply.refused(ReplyMessages.NOT_WORKING));
        }
        LocalSlots.Placement p = placement.get();
        return p.leadsLocally() ? Optional.empty() : Optional.of(Replies.notLeader(p.slotId(), p.leader()));
    }

    private static DataReply ok(long version, String message) {
        DataReply reply = new DataReply();
        reply.setSuccess(true);
        reply.setDatumVersion(version);
        reply.setMessage(message);
        return reply;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
