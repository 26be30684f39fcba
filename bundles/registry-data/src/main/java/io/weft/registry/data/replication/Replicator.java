package io.weft.registry.data.replication;

import com.alipay.remoting.exception.DeserializationException;
import com.alipay.remoting.rpc.exception.InvokeServerException;
import io.weft.codec.bolt.guard.LogThrottle;
import io.weft.registry.data.monitor.DataCounts;
import io.weft.registry.data.slot.LocalSlots;
import io.weft.registry.data.store.Datum;
import io.weft.registry.data.transport.BoltClient;
import io.weft.registry.data.transport.CallFailedException;
import io.weft.registry.data.transport.Outboxes;
import io.weft.registry.protocol.DataReply;
import io.weft.registry.protocol.PublisherEntry;
import io.weft.registry.protocol.ReplicateBatch;
import io.weft.registry.protocol.ReplicateBatchReply;
import io.weft.registry.protocol.ReplicateRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Sends each datum this server changed as slot leader to the slot's followers: the whole datum, so a replay or a
 * late arrival is harmless (the follower keeps the highest version). The changes for one follower that wait while
 * the previous call to it runs go together in one {@link ReplicateBatch} ({@link Outboxes}, decision record 0027);
 * a change alone goes at once, as a {@link ReplicateRequest}. A follower that answers a batch with an error (one
 * older than protocol 1.6.0 has no processor for it) gets each datum alone for {@link #BATCHLESS_MILLIS}.
 *
 * <p>A follower that cannot be reached is tried again after {@code retryMillis}, {@code retries} times; after that
 * it misses these versions until the datums' next change or its next slot sync. A follower that answers with a
 * refusal (it leads the slot in a newer table) is not retried. A follower whose call failed is paused
 * ({@link FollowerPauses}): until one call got through again, the replications to it count as failed attempts
 * without trying to connect. Its failure lines are throttled per follower ({@code log}): a follower that went away
 * fails every datum changed meanwhile, and one line an interval per follower says so with the count of the others;
 * the {@code replication} error metric counts every one given up.
 *
 * <p>Thread-safe; the sends run on the executor given.
 */
public final class Replicator {

    /** How long a follower that could not read a batch gets each datum alone before a batch is tried again. */
    static final long BATCHLESS_MILLIS = 60_000;

    private final LocalSlots slots;
    private final BoltClient client;
    private final ReplicationAddresses addresses;
    private final ScheduledExecutorService executor;
    private final int retries;
    private final long retryMillis;
    private final DataCounts counts;
    private final LogThrottle log;
    private final FollowerPauses pauses;
    private final Outboxes<ReplicateRequest> outboxes;
    private final LongSupplier millis;
    /** The followers that answered a batch with an error (older than protocol 1.6.0), since when. */
    private final Map<String, Long> batchless = new ConcurrentHashMap<>();

    /**
     * @param log    the throttle of the failure lines, on the {@code registry.data} logger
     * @param millis the clock of the pauses of unreachable followers
     */
    public Replicator(LocalSlots slots, BoltClient client, ReplicationAddresses addresses,
            ScheduledExecutorService executor, int retries, long retryMillis, DataCounts counts, LogThrottle log,
            LongSupplier millis) {
        this.slots = slots;
        this.client = client;
        this.addresses = addresses;
        this.executor = executor;
        this.retries = retries;
        this.retryMillis = retryMillis;
        this.counts = counts;
        this.log = log;
        this.pauses = new FollowerPauses(millis);
        this.millis = millis;
        this.outboxes = new Outboxes<>(executor, ReplicateBatch.MAX_ENTRIES, Outboxes.MAX_BATCH_BYTES,
                Replicator::estimatedBytes, (f, requests) -> send(f, requests, 0));
    }

    public void changed(Datum datum) {
        slots.placementOf(datum.dataInfoId()).ifPresent(placement -> {
            if (!placement.leadsLocally()) {
                return;
            }
            ReplicateRequest request = new ReplicateRequest();
            request.setSlotId(placement.slotId());
            request.setDataInfoId(datum.dataInfoId());
            request.setVersion(datum.version());
            request.setPublishers(datum.publisherList());
            for (String follower : placement.table().slot(placement.slotId()).followers()) {
                outboxes.add(follower, request);
            }
        });
    }

    private void send(String follower, List<ReplicateRequest> requests, int attempt) {
        List<DataReply> replies;
        try {
            replies = call(follower, requests);
        } catch (CallFailedException e) {
            if (attempt < retries) {
                log.warn("retrying " + follower,
                        "[data] replication of {} to {} failed (attempt {} of {}), retrying: {}",
                        describe(requests), follower, attempt + 1, retries + 1, e.getMessage());
                // Beside the outbox: a retried batch may cross a newer one; the follower keeps the higher version.
                retryLater(() -> send(follower, requests, attempt + 1));
            } else {
                counts.replicationError(requests.size());
                log.error("given up " + follower, "[data] replication of {} to {} given up after {} attempts: {}",
                        describe(requests), follower, attempt + 1, e.getMessage());
            }
            return;
        }
        for (int i = 0; i < requests.size(); i++) {
            DataReply reply = replies.get(i);
            if (!reply.isSuccess()) {
                ReplicateRequest request = requests.get(i);
                log.warn("refused " + follower, "[data] follower {} refused {} v{}: {}", follower,
                        request.getDataInfoId(), request.getVersion(), reply.getMessage());
            }
        }
    }

    /** About what the request takes in Hessian: its strings at up to 3 bytes a character, and room for the rest. */
    private static long estimatedBytes(ReplicateRequest request) {
        long bytes = 128 + 3L * request.getDataInfoId().length();
        for (PublisherEntry publisher : request.getPublishers()) {
            bytes += 512;
            for (String value : publisher.getData() == null ? List.<String>of() : publisher.getData()) {
                bytes += 3L * value.length() + 16;
            }
        }
        return bytes;
    }

    /** The first change, and how many more went with it. */
    private static String describe(List<ReplicateRequest> requests) {
        ReplicateRequest first = requests.get(0);
        String one = first.getDataInfoId() + " v" + first.getVersion();
        return requests.size() == 1 ? one : one + " and " + (requests.size() - 1) + " more datums";
    }

    /**
     * One reply per request, in their order: a single request alone, more as one {@link ReplicateBatch}, or each
     * alone to a follower that could not read a batch in the last {@link #BATCHLESS_MILLIS}.
     */
    private List<DataReply> call(String follower, List<ReplicateRequest> requests) throws CallFailedException {
        if (requests.size() == 1 || !readsBatches(follower)) {
            return callEach(follower, requests);
        }
        ReplicateBatch batch = new ReplicateBatch();
        batch.setEntries(new ArrayList<>(requests));
        ReplicateBatchReply reply;
        try {
            reply = call(follower, batch, ReplicateBatchReply.class);
        } catch (CallFailedException e) {
            if (!answeredWithError(e)) {
                throw e;
            }
            // A follower older than protocol 1.6.0 has no processor for a batch.
            batchless.put(follower, millis.getAsLong());
            log.warn("batchless " + follower, "[data] follower {} did not take a replication batch ({}): each datum"
                    + " goes to it alone for {} ms", follower, e.getMessage(), BATCHLESS_MILLIS);
            return callEach(follower, requests);
        }
        List<DataReply> replies = reply.getReplies() == null ? List.of() : reply.getReplies();
        if (reply.isSuccess() && replies.size() == requests.size()) {
            return replies;
        }
        // Refused as a whole (or answered short): each entry is refused with the reason, none retried, as a
        // refusal of the entry alone would be.
        String why = reply.isSuccess() ? "the follower's answer has " + replies.size() + " replies for "
                + requests.size() + " entries" : "batch refused: " + reply.getMessage();
        return Collections.nCopies(requests.size(), DataReply.refused(why));
    }

    /**
     * The follower answered, with an error rather than a reply: Bolt's error answer (such as "no processor for the
     * request's class") carries a Bolt exception our Hessian does not read, so it fails as a response that could not
     * be read; one that could, as a server exception.
     */
    private static boolean answeredWithError(CallFailedException e) {
        return e.getCause() instanceof InvokeServerException || e.getCause() instanceof DeserializationException;
    }

    private boolean readsBatches(String follower) {
        Long since = batchless.get(follower);
        if (since == null) {
            return true;
        }
        if (millis.getAsLong() - since < BATCHLESS_MILLIS) {
            return false;
        }
        batchless.remove(follower, since); // it may have been upgraded meanwhile: try a batch again
        return true;
    }

    /** Each request alone; a failure fails them all (those already through are harmless to send again). */
    private List<DataReply> callEach(String follower, List<ReplicateRequest> requests) throws CallFailedException {
        List<DataReply> replies = new ArrayList<>(requests.size());
        for (ReplicateRequest request : requests) {
            replies.add(call(follower, request, DataReply.class));
        }
        return replies;
    }

    private <R> R call(String follower, Object request, Class<R> replyType) throws CallFailedException {
        if (!pauses.mayCall(follower)) {
            throw new CallFailedException("not tried: " + follower + " is paused after a failed call", null);
        }
        try {
            R reply = client.call(addresses.of(follower), request, replyType);
            pauses.answered(follower);
            return reply;
        } catch (CallFailedException e) {
            if (answeredWithError(e)) {
                pauses.answered(follower); // reachable
            } else {
                pauses.failed(follower);
            }
            throw e;
        }
    }

    private void retryLater(Runnable task) {
        try {
            executor.schedule(task, retryMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // The data server is closing.
        }
    }
}
