package io.weft.registry.data.replication;

import io.weft.codec.bolt.guard.LogThrottle;
import io.weft.registry.data.monitor.DataCounts;
import io.weft.registry.data.slot.LocalSlots;
import io.weft.registry.data.store.Datum;
import io.weft.registry.data.transport.BoltClient;
import io.weft.registry.data.transport.CallFailedException;
import io.weft.registry.protocol.DataReply;
import io.weft.registry.protocol.ReplicateRequest;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Sends each datum this server changed as slot leader to the slot's followers: the whole datum, so a replay or a
 * late arrival is harmless (the follower keeps the highest version). A follower that cannot be reached is tried
 * again after {@code retryMillis}, {@code retries} times; after that it misses this version until the datum's next
 * change or its next slot sync. A follower that answers with a refusal (it leads the slot in a newer table) is not
 * retried. A follower whose call failed is paused ({@link FollowerPauses}): until one call got through again,
 * the replications to it count as failed attempts without trying to connect. Its failure lines are throttled per
 * follower ({@code log}): a follower that went away fails every datum changed meanwhile, and one line an interval
 * per follower says so with the count of the others; the {@code replication} error metric counts every one given
 * up.
 *
 * <p>Thread-safe; the sends run on the executor given.
 */
public final class Replicator {

    private final LocalSlots slots;
    private final BoltClient client;
    private final ReplicationAddresses addresses;
    private final ScheduledExecutorService executor;
    private final int retries;
    private final long retryMillis;
    private final DataCounts counts;
    private final LogThrottle log;
    private final FollowerPauses pauses;

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
                submit(() -> send(follower, request, 0), 0);
            }
        });
    }

    private void send(String follower, ReplicateRequest request, int attempt) {
        DataReply reply;
        try {
            reply = call(follower, request);
        } catch (CallFailedException e) {
            if (attempt < retries) {
                log.warn("retrying " + follower,
                        "[data] replication of {} v{} to {} failed (attempt {} of {}), retrying: {}",
                        request.getDataInfoId(), request.getVersion(), follower, attempt + 1, retries + 1,
                        e.getMessage());
                submit(() -> send(follower, request, attempt + 1), retryMillis);
            } else {
                counts.replicationError();
                log.error("given up " + follower, "[data] replication of {} v{} to {} given up after {} attempts: {}",
                        request.getDataInfoId(), request.getVersion(), follower, attempt + 1, e.getMessage());
            }
            return;
        }
        if (!reply.isSuccess()) {
            log.warn("refused " + follower, "[data] follower {} refused {} v{}: {}", follower,
                    request.getDataInfoId(), request.getVersion(), reply.getMessage());
        }
    }

    private DataReply call(String follower, ReplicateRequest request) throws CallFailedException {
        if (!pauses.mayCall(follower)) {
            throw new CallFailedException("not tried: " + follower + " is paused after a failed call", null);
        }
        try {
            DataReply reply = client.call(addresses.of(follower), request, DataReply.class);
            pauses.answered(follower);
            return reply;
        } catch (CallFailedException e) {
            pauses.failed(follower);
            throw e;
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
