package io.weft.registry.session.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.codec.bolt.guard.LogThrottle;
import io.weft.registry.protocol.DataReply;
import io.weft.registry.protocol.PublicationBatch;
import io.weft.registry.protocol.PublicationBatchReply;
import io.weft.registry.protocol.PublishRequest;
import io.weft.registry.session.data.DataInfoId;
import io.weft.registry.session.data.Publication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The session's publications on their way to the slot leaders, against data servers the test answers for. */
class PublicationSyncTest {

    private static final String A = "127.0.0.1:9620";
    private static final String B = "127.0.0.1:9720";
    private static final int SLOTS = 16;

    private final HeldPublications held = new HeldPublications();
    private final AtomicReference<SlotRouting> routing = new AtomicReference<>(table(1, A, B));
    private final DataServers servers = new DataServers();
    private final ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1);
    private final PublicationSync sync = new PublicationSync(held, routing::get, servers, 3000, thread,
            new ClusterCounts(), new DataReachability(), () -> "127.0.0.1:9600", "process-1",
            new LogThrottle(LoggerFactory.getLogger("registry.session"), 10_000, System::currentTimeMillis));

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    @Test
    @DisplayName("REG-36, 0021: changes made while a data server has four calls unanswered go in full batches once it"
            + " answers, each publication once, in the order made")
    void backlogGoesInFullBatches() throws Exception {
        List<PublicationKey> first = publish(A, 4);
        for (PublicationKey key : first) {
            sync.changed(key);
            settle();
        }
        assertEquals(4, servers.unanswered(A), "four calls of one publication each");

        List<PublicationKey> backlog = publish(A, 1200);
        whileThreadHeld(() -> backlog.forEach(sync::changed));
        assertEquals(4, servers.unanswered(A), "nothing more is sent while four calls are on their way");
        assertEquals(1204, sync.pending());

        List<Integer> sizes = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        while (servers.unanswered(A) > 0) {
            Call call = servers.answerOldest(A);
            sizes.add(call.batch.getPublishes().size());
            call.batch.getPublishes().forEach(p -> sent.add(p.getPublisher().getRegisterId()));
            settle();
        }
        assertEquals(List.of(1, 1, 1, 1, 500, 500, 200), sizes);
        List<String> expected = new ArrayList<>();
        first.forEach(k -> expected.add(k.registId()));
        backlog.forEach(k -> expected.add(k.registId()));
        assertEquals(expected, sent);
        assertEquals(0, sync.pending());
    }

    @Test
    @DisplayName("REG-36, 0021: a data server at its limit of calls holds back only its own slots' publications")
    void slowServerHoldsBackOnlyItsOwn() throws Exception {
        for (PublicationKey key : publish(A, 4)) {
            sync.changed(key);
            settle();
        }
        List<PublicationKey> toA = publish(A, 50);
        List<PublicationKey> toB = publish(B, 30);
        whileThreadHeld(() -> {
            toA.forEach(sync::changed);
            toB.forEach(sync::changed);
        });

        assertEquals(4, servers.unanswered(A));
        assertEquals(1, servers.unanswered(B));
        assertEquals(registIds(toB), servers.oldest(B).registIds(), "all of B's in one call");
    }

    @Test
    @DisplayName("REG-36, 0021: before the first slot table nothing is sent; the first table sends every held"
            + " publication to its leader")
    void firstTableSendsWhatWaited() throws Exception {
        SlotRouting table = routing.getAndSet(null);
        List<PublicationKey> keys = publish(table, A, 3);
        keys.addAll(publish(table, B, 2));
        keys.forEach(sync::changed);
        settle();
        assertEquals(0, servers.calls.size());

        routing.set(table);
        sync.tableChanged(null, table);
        settle();
        assertEquals(3, servers.oldest(A).registIds().size());
        assertEquals(2, servers.oldest(B).registIds().size());
    }

    @Test
    @DisplayName("0021, RCP-12: publications waiting for a leader that lost its slots go to the new leader")
    void newTableMovesWhatWaits() throws Exception {
        List<PublicationKey> first = publish(A, 4);
        for (PublicationKey key : first) {
            sync.changed(key);
            settle();
        }
        List<PublicationKey> waitingForA = publish(A, 20);
        whileThreadHeld(() -> waitingForA.forEach(sync::changed));
        assertEquals(4, servers.unanswered(A));

        SlotRouting previous = routing.get();
        SlotRouting onlyB = table(2, B, B);
        routing.set(onlyB);
        sync.tableChanged(previous, onlyB);
        settle();

        assertEquals(registIds(waitingForA), sentTo(B), "every publication that waited for A went to B");

        servers.answerAll(A);
        settle();
        servers.answerAll(B);
        settle();
        List<String> all = new ArrayList<>(registIds(waitingForA));
        all.addAll(registIds(first));
        assertEquals(all, sentTo(B), "and, once answered by A, the four that were on their way to A");
    }

    @Test
    @DisplayName("REG-36: a data server whose call cannot be sent is paused; then one publication alone tries it, and"
            + " its answer sends the others")
    void failedServerIsProbedByOne() throws Exception {
        servers.refuseToSend(A, true);
        List<PublicationKey> keys = publish(A, 10);
        whileThreadHeld(() -> keys.forEach(sync::changed));
        assertEquals(1, servers.calls.size(), "one call, failed at once");
        assertEquals(10, sync.pending());

        servers.refuseToSend(A, false);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (servers.unanswered(A) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        settle();
        assertEquals(1, servers.unanswered(A));
        assertEquals(1, servers.oldest(A).registIds().size(), "after the pause, one publication tries the server");

        servers.answerOldest(A);
        answerUntilNothingPending(A, deadline);
        assertEquals(0, sync.pending(), "the others went once the probe was answered");
    }

    @Test
    @DisplayName("REG-36: a call the transport throws on instead of sending fails its batch: the publications are tried"
            + " again and the data server keeps its calls")
    void thrownCallIsRetried() throws Exception {
        servers.throwOnSend(A, true);
        List<PublicationKey> keys = publish(A, 3);
        whileThreadHeld(() -> keys.forEach(sync::changed));
        assertEquals(1, servers.calls.size());
        assertEquals(3, sync.pending(), "waiting to be tried again");

        servers.throwOnSend(A, false);
        answerUntilNothingPending(A, System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
        assertEquals(0, sync.pending(), "all three taken once the transport sends again");
    }

    /** Answers every call to {@code server} as it comes, until nothing is pending or the deadline passed. */
    private void answerUntilNothingPending(String server, long deadlineNanos) throws Exception {
        while (sync.pending() > 0 && System.nanoTime() < deadlineNanos) {
            servers.answerAll(server);
            Thread.sleep(20);
            settle();
        }
    }

    /** Hands work to the sync thread while it is busy, so it takes all of it in one go; then lets it run. */
    private void whileThreadHeld(Runnable handOver) throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        thread.execute(() -> {
            try {
                held.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            handOver.run();
        } finally {
            held.countDown();
        }
        settle();
    }

    private List<String> sentTo(String address) {
        return servers.all(address).stream().flatMap(c -> c.registIds().stream()).toList();
    }

    private static List<String> registIds(List<PublicationKey> keys) {
        return keys.stream().map(PublicationKey::registId).toList();
    }

    /** Lets the sync thread run what was handed to it, and what that hands on. */
    private void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            thread.submit(() -> { }).get(5, TimeUnit.SECONDS);
        }
    }

    private List<PublicationKey> publish(String leader, int count) {
        return publish(routing.get(), leader, count);
    }

    private int serial;

    /** Holds {@code count} new publications of datums whose slot {@code leader} leads under {@code table}. */
    private List<PublicationKey> publish(SlotRouting table, String leader, int count) {
        List<PublicationKey> keys = new ArrayList<>();
        while (keys.size() < count) {
            DataInfoId id = new DataInfoId("Service" + serial++, null, "DEFAULT_GROUP");
            if (leader.equals(table.leaderOf(id.toString()))) {
                Publication publication = new Publication("regist-" + serial, "127.0.0.1:50000", "zone",
                        List.of(), 1);
                keys.add(held.put(id, publication, 0));
            }
        }
        return keys;
    }

    /** Even slots led by {@code even}, odd ones by {@code odd}. */
    private static SlotRouting table(long epoch, String even, String odd) {
        return SlotRouting.of(TestCluster.table(epoch, SLOTS, slot -> slot % 2 == 0 ? even : odd));
    }

    private record Call(String address, PublicationBatch batch,
            BiConsumer<PublicationBatchReply, CallFailedException> done) {

        List<String> registIds() {
            return batch.getPublishes().stream().map(p -> p.getPublisher().getRegisterId())
                    .collect(Collectors.toList());
        }
    }

    /** Records every call; answers one when the test says, or fails it at once as Bolt does a full channel. */
    private static final class DataServers implements AsyncCalls {

        final List<Call> calls = new ArrayList<>();
        private final List<Call> unanswered = new ArrayList<>();
        private final List<String> refusing = new ArrayList<>();

        private final List<String> throwing = new ArrayList<>();

        synchronized void throwOnSend(String address, boolean fail) {
            throwing.remove(address);
            if (fail) {
                throwing.add(address);
            }
        }

        synchronized void refuseToSend(String address, boolean refuse) {
            refusing.remove(address);
            if (refuse) {
                refusing.add(address);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> void callAsync(String address, Object request, Class<R> replyType, int timeoutMillis,
                BiConsumer<R, CallFailedException> done) {
            Call call = new Call(address, (PublicationBatch) request,
                    (BiConsumer<PublicationBatchReply, CallFailedException>) done);
            boolean refuse;
            synchronized (this) {
                calls.add(call);
                if (throwing.contains(address)) {
                    throw new IllegalStateException("the transport is closed");
                }
                refuse = refusing.contains(address);
                if (!refuse) {
                    unanswered.add(call);
                }
            }
            if (refuse) {
                done.accept(null, new CallFailedException("Check connection failed for address " + address
                        + ", maybe write overflow", null));
            }
        }

        synchronized int unanswered(String address) {
            return (int) unanswered.stream().filter(c -> c.address.equals(address)).count();
        }

        synchronized Call oldest(String address) {
            return unanswered.stream().filter(c -> c.address.equals(address)).findFirst().orElseThrow();
        }

        synchronized List<Call> all(String address) {
            return calls.stream().filter(c -> c.address.equals(address)).toList();
        }

        Call answerOldest(String address) {
            Call call;
            synchronized (this) {
                call = oldest(address);
                unanswered.remove(call);
            }
            call.done.accept(success(call.batch), null);
            return call;
        }

        void answerAll(String address) {
            while (unanswered(address) > 0) {
                answerOldest(address);
            }
        }

        private static PublicationBatchReply success(PublicationBatch batch) {
            PublicationBatchReply reply = new PublicationBatchReply();
            reply.setSuccess(true);
            List<DataReply> publishes = new ArrayList<>();
            for (PublishRequest ignored : batch.getPublishes()) {
                DataReply ok = new DataReply();
                ok.setSuccess(true);
                publishes.add(ok);
            }
            reply.setPublishReplies(publishes);
            List<DataReply> unpublishes = new ArrayList<>();
            batch.getUnpublishes().forEach(u -> {
                DataReply ok = new DataReply();
                ok.setSuccess(true);
                unpublishes.add(ok);
            });
            reply.setUnpublishReplies(unpublishes);
            return reply;
        }
    }
}
