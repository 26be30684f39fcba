package io.weft.registry.session.cluster;

import io.weft.codec.bolt.guard.LogThrottle;
import io.weft.registry.protocol.DataReply;
import io.weft.registry.protocol.PublicationBatch;
import io.weft.registry.protocol.PublicationBatchReply;
import io.weft.registry.protocol.PublishRequest;
import io.weft.registry.protocol.UnpublishRequest;
import io.weft.registry.protocol.ReplyMessages;
import io.weft.registry.session.cluster.ClusterCounts.Failure;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the slot leaders in line with {@link HeldPublications} (REG-36, decision record 0021): a publication
 * that changed is marked, and the mark sends what the session holds <em>at sending time</em>: a
 * {@code PublishRequest} if it still holds the publication, an {@code UnpublishRequest} if not. Because the state
 * is read when sending, a retry can never put back a publication removed meanwhile, and the order of a client's
 * register and unregister is kept without queuing them.
 *
 * <p>Each publication goes to the leader of its slot under the slot table in force. A refusal ("not leader of
 * slot", "not working") or a failed call is tried again with a growing pause, {@value #ATTEMPTS} times in a row;
 * then the failure is counted ({@code session_pub_notifyDataFail}) and the publication waits for the next
 * {@link #retryParked()} (every lease renewal). A data server whose call failed is paused (100 ms, doubling up to
 * 2 s); after the pause one publication tries it and the others wait for that answer, so a dead server costs one
 * connection attempt per pause, not one per publication. A new slot table marks every publication whose leader
 * changed ("rebuilt from sessions").
 *
 * <p>Publications go in batches ({@code PublicationBatch}, decision record 0021): each drain puts what is ready for
 * a data server into one call of up to {@value #MAX_BATCH} entries, and at most {@value #MAX_CALLS_IN_FLIGHT}
 * calls to a server are on their way at a time; what changes meanwhile waits for an answer and goes in the next
 * batch. So a quiet session sends each change at once, alone, and a busy one sends fewer, larger calls instead
 * of one round trip per registration. Every entry is answered on its own; a batch that fails fails each entry.
 * The changes handed to the thread together are marked first and drained once, and what waits is filed by data
 * server ({@link WaitingPublications}), so a drain costs what it sends, not what waits: a backlog of thousands
 * for a slow server does not slow each later change.
 *
 * <p>Thread confinement: the state lives on {@code thread}, a single thread; the public methods hand work to it,
 * so a client's request thread never waits for a data server. Calls are asynchronous.
 */
public final class PublicationSync {

    static final int ATTEMPTS = 5;
    static final long FIRST_PAUSE_MILLIS = 100;
    static final long MAX_PAUSE_MILLIS = 2000;
    /** The most publications in one call. */
    static final int MAX_BATCH = 500;
    /**
     * About the most bytes of publications in one call: well under the data port's frame limit (1 MiB by default),
     * however large the clients' values are. A publication larger than this goes alone.
     */
    static final long MAX_BATCH_BYTES = 256 * 1024;
    /** The most calls on their way to one data server; more changes wait for an answer and go together. */
    static final int MAX_CALLS_IN_FLIGHT = 4;
    /** A paused data server's pause is over and one publication is on its way: the others wait for its answer. */
    private static final long PROBING = Long.MAX_VALUE;

    private static final Logger LOG = LoggerFactory.getLogger("registry.session");

    private final HeldPublications held;
    private final Supplier<SlotRouting> routing;
    private final AsyncCalls rpc;
    private final int timeoutMillis;
    private final ScheduledExecutorService thread;
    private final ClusterCounts counts;
    private final DataReachability reachability;
    private final Supplier<String> sessionAddress;
    private final String processId;
    private final LogThrottle errors;

    // Confined to the thread.
    private final WaitingPublications waiting = new WaitingPublications();
    private final Set<PublicationKey> inFlight = new HashSet<>();
    /** Marked again while in flight: sent once more after the answer. */
    private final Set<PublicationKey> again = new HashSet<>();
    private final Set<PublicationKey> parked = new LinkedHashSet<>();
    /** Failed, and waiting out the pause before their next attempt. */
    private final Set<PublicationKey> retrying = new HashSet<>();
    private final Map<PublicationKey, Integer> failures = new HashMap<>();
    /** The leader a refusal named, for the next attempt only. */
    private final Map<PublicationKey, String> hints = new HashMap<>();
    /** Data servers not called until then (System.nanoTime), or {@link #PROBING}. */
    private final Map<String, Long> pausedUntil = new HashMap<>();
    /** Failed calls in a row per data server, for the length of its pause. */
    private final Map<String, Integer> addressFailures = new HashMap<>();
    /** Calls on their way per data server (absent: none). */
    private final Map<String, Integer> callsInFlight = new HashMap<>();
    private boolean drainScheduled;
    /** A drain is queued on the thread: changes marked meanwhile go with it. */
    private boolean drainQueued;
    /** The drain running moved a publication to another server's queue, maybe one it had already looked at. */
    private boolean refiled;
    /** Written on the thread, read by the status. */
    private volatile int pendingCount;
    /** When a call was last sent or answered (System.nanoTime); written on the thread, read by the stall watch. */
    private volatile long lastProgressNanos = System.nanoTime();

    /**
     * @param routing        the slot table in force, null before the first
     * @param sessionAddress this session's client endpoint, sent with each publisher
     * @param processId      this session process, the key of its lease
     */
    public PublicationSync(HeldPublications held, Supplier<SlotRouting> routing, AsyncCalls rpc, int timeoutMillis,
            ScheduledExecutorService thread, ClusterCounts counts, DataReachability reachability,
            Supplier<String> sessionAddress, String processId, LogThrottle errors) {
        this.held = held;
        this.routing = routing;
        this.rpc = rpc;
        this.timeoutMillis = timeoutMillis;
        this.thread = thread;
        this.counts = counts;
        this.reachability = reachability;
        this.sessionAddress = sessionAddress;
        this.processId = processId;
        this.errors = errors;
    }

    /** The publication changed (held, replaced or dropped): the data servers get its state. */
    public void changed(PublicationKey key) {
        run(() -> {
            mark(key);
            drainSoon();
        });
    }

    /** As {@link #changed} for each key. */
    public void changedAll(Collection<PublicationKey> keys) {
        List<PublicationKey> copy = List.copyOf(keys);
        run(() -> {
            copy.forEach(this::mark);
            drainSoon();
        });
    }

    /**
     * Every held publication whose slot {@code dataServer} leads goes to it again: it said it lacks some (see
     * {@link LeaseRenewer}). A data server takes a publication it already holds as a repeat.
     */
    public void republishLedBy(String dataServer) {
        run(() -> {
            SlotRouting table = routing.get();
            if (table == null) {
                return;
            }
            int marked = 0;
            for (PublicationKey key : held.keys()) {
                if (dataServer.equals(table.leaderOf(key.id().toString()))) {
                    mark(key);
                    marked++;
                }
            }
            LOG.info("[cluster] {} held publications in slots led by {} to publish again", marked, dataServer);
            drainSoon();
        });
    }

    /**
     * A new slot table is in force: every held publication whose slot leader differs from the one under
     * {@code previous} is published again to its new leader, so a slot whose replicas were lost is complete again.
     */
    public void tableChanged(SlotRouting previous, SlotRouting next) {
        run(() -> {
            int moved = 0;
            for (PublicationKey key : held.keys()) {
                String id = key.id().toString();
                String before = previous == null ? null : previous.leaderOf(id);
                if (previous == null || !Objects.equals(before, next.leaderOf(id))) {
                    mark(key);
                    moved++;
                }
            }
            // What waited for a table, or for a leader that just changed, goes now.
            unpark();
            waiting.refileAll(this::targetOf);
            pausedUntil.values().removeIf(until -> until != PROBING);
            if (moved > 0 && previous != null) {
                LOG.info("[cluster] slot table epoch {}: publishing {} publications again to their new slot leaders",
                        next.epoch(), moved);
            } else if (moved > 0) {
                LOG.info("[cluster] slot table epoch {}, the first: publishing the {} publications held",
                        next.epoch(), moved);
            }
            drain();
        });
    }

    /** The publications that gave up are tried again (called every lease renewal). */
    public void retryParked() {
        run(() -> {
            unpark();
            drainSoon();
        });
    }

    /** How many publications wait to be sent or answered, for the status. */
    public int pending() {
        return pendingCount;
    }

    /** When a call was last sent or answered, on System.nanoTime's clock. */
    long lastProgressNanos() {
        return lastProgressNanos;
    }

    /** Logs what the waiting publications wait on; to be run on the thread ({@link SyncStallWatch}). */
    void logWhatWaits() {
        long now = System.nanoTime();
        SlotRouting table = routing.get();
        Map<String, String> pauses = new LinkedHashMap<>();
        pausedUntil.forEach((server, until) -> pauses.put(server, until == PROBING ? "one call trying it"
                : Math.max(0, TimeUnit.NANOSECONDS.toMillis(until - now)) + " ms more"));
        LOG.warn("[cluster] {} publications wait and no call was sent or answered for {} ms: {} to send {}, {} on"
                + " their way, {} to try again after a pause, {} parked until the next renewal; calls on their way {};"
                + " paused data servers {}; slot table {}", pendingCount,
                TimeUnit.NANOSECONDS.toMillis(now - lastProgressNanos), waiting.size(), waiting.counts(),
                inFlight.size(), retrying.size(), parked.size(), callsInFlight, pauses,
                table == null ? "none yet" : "epoch " + table.epoch());
    }

    private void mark(PublicationKey key) {
        parked.remove(key);
        retrying.remove(key);
        if (inFlight.contains(key)) {
            again.add(key);
        } else {
            waiting.add(key, targetOf(key));
        }
    }

    private void unpark() {
        parked.forEach(key -> waiting.add(key, targetOf(key)));
        parked.clear();
    }

    /** The data server {@code key} goes to now: the leader a refusal named, else its slot's leader; null: none yet. */
    private String targetOf(PublicationKey key) {
        return targetOf(key, routing.get());
    }

    private String targetOf(PublicationKey key, SlotRouting table) {
        if (table == null) {
            return null;
        }
        String hint = hints.get(key);
        return hint != null ? hint : table.leaderOf(key.id().toString());
    }

    /** Drains once the changes already handed to the thread are marked, so they share the drain's batches. */
    private void drainSoon() {
        if (drainQueued) {
            return;
        }
        drainQueued = true;
        run(() -> {
            drainQueued = false;
            drain();
        });
    }

    private void drain() {
        SlotRouting table = routing.get();
        long nextWake = Long.MAX_VALUE;
        refiled = false;
        if (table != null) {
            long now = System.nanoTime();
            for (String server : waiting.servers()) {
                nextWake = Math.min(nextWake, drainTo(server, table, now));
            }
        }
        pendingCount = waiting.size() + inFlight.size() + retrying.size() + parked.size();
        if (refiled) {
            drainSoon(); // a server looked at before may have publications now
        }
        if (nextWake != Long.MAX_VALUE && !drainScheduled) {
            drainScheduled = true;
            schedule(() -> {
                drainScheduled = false;
                drain();
            }, TimeUnit.NANOSECONDS.toMillis(nextWake) + 1);
        }
    }

    /**
     * Sends what waits for {@code server} in as many calls as it may have on their way.
     *
     * @return in how many nanoseconds its pause ends, or Long.MAX_VALUE if it is not paused
     */
    private long drainTo(String server, SlotRouting table, long now) {
        Long paused = pausedUntil.get(server);
        if (paused != null && paused == PROBING) {
            return Long.MAX_VALUE; // one call tries the server: the others wait for its answer
        }
        if (paused != null && paused - now > 0) {
            return paused - now;
        }
        while (waiting.first(server) != null && callsInFlight.getOrDefault(server, 0) < MAX_CALLS_IN_FLIGHT) {
            // After a pause, one publication alone tries the server.
            boolean probe = pausedUntil.containsKey(server);
            Batch batch = fill(server, table, probe ? 1 : MAX_BATCH);
            if (batch.keys.isEmpty()) {
                break;
            }
            if (probe) {
                pausedUntil.put(server, PROBING);
            }
            callsInFlight.merge(server, 1, Integer::sum);
            send(server, batch, table.epoch());
            if (probe) {
                break;
            }
        }
        return Long.MAX_VALUE;
    }

    /**
     * Takes the first publications waiting for {@code server} into one call: at most {@code most}, and not more
     * than {@link #MAX_BATCH_BYTES} unless a single one is larger. One that goes elsewhere now is filed there.
     */
    private Batch fill(String server, SlotRouting table, int most) {
        Batch batch = new Batch();
        PublicationKey key;
        while (batch.keys.size() < most && (key = waiting.first(server)) != null) {
            String target = targetOf(key, table);
            if (!server.equals(target)) {
                waiting.refile(key, target);
                refiled = true;
                continue;
            }
            Optional<HeldPublications.Held> state = held.get(key);
            long bytes = estimatedBytes(state);
            if (!batch.keys.isEmpty() && batch.bytes + bytes > MAX_BATCH_BYTES) {
                break;
            }
            waiting.remove(key);
            inFlight.add(key);
            batch.keys.add(key);
            batch.states.add(state);
            batch.bytes += bytes;
        }
        return batch;
    }

    /** A generous guess of the bytes a publication takes in a call: its values at 3 bytes a char, and its ids. */
    private static long estimatedBytes(Optional<HeldPublications.Held> state) {
        long bytes = 512;
        if (state.isPresent()) {
            for (String value : state.get().publication().data()) {
                bytes += 3L * value.length() + 16;
            }
        }
        return bytes;
    }

    /**
     * The publications gathered for one call to one data server, each with the state the session held when it was
     * taken. A change after that finds the publication in flight and sends it again once this call is answered.
     */
    private static final class Batch {
        final List<PublicationKey> keys = new ArrayList<>();
        final List<Optional<HeldPublications.Held>> states = new ArrayList<>();
        long bytes;
    }

    /** One call with the batch: each publication published if the session holds it, else unpublished. */
    private void send(String target, Batch batch, long epoch) {
        List<PublicationKey> published = new ArrayList<>();
        List<PublishRequest> publishes = new ArrayList<>();
        List<PublicationKey> unpublished = new ArrayList<>();
        List<UnpublishRequest> unpublishes = new ArrayList<>();
        for (int i = 0; i < batch.keys.size(); i++) {
            PublicationKey key = batch.keys.get(i);
            Optional<HeldPublications.Held> state = batch.states.get(i);
            if (state.isPresent()) {
                published.add(key);
                publishes.add(Messages.publish(key, state.get(), epoch, sessionAddress.get(), processId));
            } else {
                unpublished.add(key);
                unpublishes.add(Messages.unpublish(key, processId));
            }
        }
        lastProgressNanos = System.nanoTime();
        PublicationBatch request = new PublicationBatch();
        request.setPublishes(publishes);
        request.setUnpublishes(unpublishes);
        try {
            rpc.callAsync(target, request, PublicationBatchReply.class, timeoutMillis,
                    (reply, failure) -> run(() -> completed(target, published, unpublished, reply, failure)));
        } catch (RuntimeException e) {
            // Unanswered, the batch would hold its publications and one of the server's calls for good.
            CallFailedException failure =
                    new CallFailedException("PublicationBatch to " + target + " not sent: " + e, e);
            run(() -> completed(target, published, unpublished, null, failure));
        }
    }

    private void completed(String target, List<PublicationKey> published, List<PublicationKey> unpublished,
            PublicationBatchReply reply, CallFailedException failure) {
        callsInFlight.computeIfPresent(target, (t, calls) -> calls > 1 ? calls - 1 : null);
        lastProgressNanos = System.nanoTime();
        if (failure == null) {
            reachability.answered(target);
            pausedUntil.remove(target);
            addressFailures.remove(target);
        } else {
            reachability.failed(target);
            // A server that cannot be called is paused: one publication tries it again when the pause is over.
            int inARow = addressFailures.merge(target, 1, Integer::sum);
            pausedUntil.put(target, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pauseMillis(inARow)));
        }
        for (int i = 0; i < published.size(); i++) {
            entryCompleted(published.get(i), target, true,
                    failure == null ? entryReply(reply, reply.getPublishReplies(), i) : null, failure);
        }
        for (int i = 0; i < unpublished.size(); i++) {
            entryCompleted(unpublished.get(i), target, false,
                    failure == null ? entryReply(reply, reply.getUnpublishReplies(), i) : null, failure);
        }
        drain();
    }

    /** The entry's own answer; a batch refused as a whole, or an answer short of entries, refuses it. */
    private static DataReply entryReply(PublicationBatchReply reply, List<DataReply> replies, int index) {
        if (!reply.isSuccess()) {
            return DataReply.refused("batch refused: " + reply.getMessage());
        }
        if (replies == null || replies.size() <= index || replies.get(index) == null) {
            return DataReply.refused("the data server's answer to the batch has no reply for this entry");
        }
        return replies.get(index);
    }

    private void entryCompleted(PublicationKey key, String target, boolean publish, DataReply reply,
            CallFailedException failure) {
        inFlight.remove(key);
        hints.remove(key);
        if (failure == null && reply.isSuccess()) {
            failures.remove(key);
        } else {
            failedOnce(key, target, publish, reply, failure);
        }
        if (again.remove(key)) {
            waiting.add(key, targetOf(key));
        }
    }

    private void failedOnce(PublicationKey key, String target, boolean publish, DataReply reply,
            CallFailedException failure) {
        String why;
        if (failure != null) {
            why = failure.getMessage();
        } else {
            why = reply.getMessage();
            // A data server whose slot table is older than this session's names the leader it knew, possibly one
            // that has left the cluster: the hint is taken only while the table in force still lists that server.
            SlotRouting table = routing.get();
            String hint = reply.getSlotLeader();
            if (ReplyMessages.isNotLeaderOfSlot(why) && hint != null && !hint.equals(target) && table != null
                    && table.servers().contains(hint)) {
                hints.put(key, hint);
            }
        }
        int attempts = failures.merge(key, 1, Integer::sum);
        if (attempts >= ATTEMPTS) {
            failures.remove(key);
            parked.add(key);
            counts.failed(Failure.PUB_NOTIFY_DATA_FAIL);
            errors.error("pub:" + target, "[cluster] {}: {} of {} registId {} not taken by data server {} after {}"
                    + " attempts, tried again at the next lease renewal: {}", Failure.PUB_NOTIFY_DATA_FAIL.seedName(),
                    publish ? "publish" : "unpublish", key.id(), key.registId(), target, attempts, why);
            return;
        }
        LOG.info("[cluster] {} of {} registId {} to {} not taken (attempt {} of {}), trying again: {}",
                publish ? "publish" : "unpublish", key.id(), key.registId(), target, attempts, ATTEMPTS, why);
        retrying.add(key);
        schedule(() -> {
            if (retrying.remove(key)) {
                waiting.add(key, targetOf(key));
            }
            drain();
        }, pauseMillis(attempts));
    }

    /** 100 ms, doubling with each failure in a row, at most 2 s. */
    static long pauseMillis(int failuresInARow) {
        return Math.min(MAX_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << Math.min(failuresInARow - 1, 16));
    }

    private void run(Runnable work) {
        try {
            thread.execute(work);
        } catch (RejectedExecutionException stopped) {
            // The session is closing: the data servers drop its publishers with its lease.
        }
    }

    private void schedule(Runnable work, long delayMillis) {
        try {
            thread.schedule(work, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // The session is closing.
        }
    }
}
