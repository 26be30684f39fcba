package io.weft.registry.data.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OutboxesTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HeldSender held = new HeldSender();

    @AfterEach
    void stop() {
        held.release.countDown();
        executor.shutdownNow();
    }

    @Test
    @DisplayName("0027: an item added while nothing is being sent goes at once, alone")
    void aloneAtOnce() throws Exception {
        held.release.countDown();
        Outboxes<Integer> outboxes = new Outboxes<>(executor, 100, Long.MAX_VALUE, item -> 1, held);

        outboxes.add("s1", 1);
        outboxes.add("s2", 2);

        held.awaitSends(2);
        assertEquals(List.of("s1[1]", "s2[2]"), held.sends.stream().sorted().toList());
    }

    @Test
    @DisplayName("0027: items added while a send to their destination runs go together, in order, in the next sends"
            + " of at most maxItems; never two sends to one destination at once")
    void waitingItemsGoTogether() throws Exception {
        Outboxes<Integer> outboxes = new Outboxes<>(executor, 4, Long.MAX_VALUE, item -> 1, held);
        outboxes.add("s", 0);
        held.awaitSends(1);
        for (int i = 1; i <= 10; i++) {
            outboxes.add("s", i);
        }
        assertEquals(10, outboxes.waiting());

        held.release.countDown();

        held.awaitSends(4);
        assertEquals(List.of("s[0]", "s[1, 2, 3, 4]", "s[5, 6, 7, 8]", "s[9, 10]"), held.sends);
        assertEquals(1, held.mostAtOnce.get());
        assertEquals(0, outboxes.waiting());
    }

    @Test
    @DisplayName("0027: a send takes items up to maxBytes as estimated, but always its first item, however large")
    void bytesBoundTheBatch() throws Exception {
        Outboxes<Integer> outboxes = new Outboxes<>(executor, 100, 10, item -> item, held);
        outboxes.add("s", 1);
        held.awaitSends(1);
        for (int item : new int[] {4, 5, 2, 20, 3}) {
            outboxes.add("s", item);
        }

        held.release.countDown();

        held.awaitSends(5);
        assertEquals(List.of("s[1]", "s[4, 5]", "s[2]", "s[20]", "s[3]"), held.sends);
    }

    @Test
    @DisplayName("0027: a destination forgotten (its connection closed) drops what waits for it")
    void forgetDrops() throws Exception {
        Outboxes<Integer> outboxes = new Outboxes<>(executor, 100, Long.MAX_VALUE, item -> 1, held);
        outboxes.add("s", 1);
        held.awaitSends(1);
        outboxes.add("s", 2);

        outboxes.forget("s");
        held.release.countDown();
        Thread.sleep(100);

        assertEquals(List.of("s[1]"), held.sends);
        assertEquals(0, outboxes.waiting());
    }

    @Test
    @DisplayName("0027: the outboxes of destinations gone (connections closed) are dropped with their items")
    void forgetIfDropsTheGone() throws Exception {
        Outboxes<Integer> outboxes = new Outboxes<>(executor, 100, Long.MAX_VALUE, item -> 1, held);
        outboxes.add("kept", 1);
        outboxes.add("closed", 2);
        held.awaitSends(2);
        outboxes.add("kept", 3);
        outboxes.add("closed", 4);

        outboxes.forgetIf(destination -> !destination.equals("kept"));

        assertEquals(1, outboxes.waiting());
        held.release.countDown();
        held.awaitSends(3);
        Thread.sleep(50);
        assertEquals(List.of("closed[2]", "kept[1]", "kept[3]"), held.sends.stream().sorted().toList());
    }

    @Test
    @DisplayName("0027: once the executor refuses work (the server closing) an item is dropped without an error,"
            + " and the outbox takes items again when it can send")
    void refusedExecutorDrops() {
        held.release.countDown();
        AtomicInteger refuse = new AtomicInteger(1);
        Outboxes<Integer> outboxes = new Outboxes<>(task -> {
            if (refuse.get() > 0) {
                throw new RejectedExecutionException("closing");
            }
            task.run();
        }, 100, Long.MAX_VALUE, item -> 1, held);

        outboxes.add("s", 1);
        assertEquals(0, outboxes.waiting());
        assertTrue(held.sends.isEmpty());

        refuse.set(0);
        outboxes.add("s", 2);
        assertEquals(List.of("s[2]"), held.sends);
        assertEquals(0, outboxes.waiting());
    }

    @Test
    @DisplayName("0027: a send that throws does not stop the destination's later sends")
    void failingSendDoesNotStick() throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(1);
        Outboxes<Integer> outboxes = new Outboxes<>(executor, 100, Long.MAX_VALUE, item -> 1, (to, items) -> {
            if (items.contains(1)) {
                first.countDown();
                throw new IllegalStateException("boom");
            }
            second.countDown();
        });

        outboxes.add("s", 1);
        assertTrue(first.await(5, TimeUnit.SECONDS));
        outboxes.add("s", 2);

        assertTrue(second.await(5, TimeUnit.SECONDS));
    }

    /**
     * Records each send as {@code destination[items]} as it starts, and holds it until {@link #release} is counted
     * down; {@link #awaitSends} waits for sends to have started.
     */
    private static final class HeldSender implements Outboxes.Sender<Integer> {

        final List<String> sends = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger mostAtOnce = new AtomicInteger();
        private final AtomicInteger running = new AtomicInteger();

        @Override
        public void send(String destination, List<Integer> items) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            sends.add(destination + items);
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
        }

        void awaitSends(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (sends.size() < count && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(sends.size() >= count, "sends: " + sends);
        }
    }
}
