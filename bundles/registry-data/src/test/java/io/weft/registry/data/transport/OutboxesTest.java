package io.weft.registry.data.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    @DisplayName("0027: an item added while nothing is being sent goes at once, alone")
    void aloneAtOnce() throws Exception {
        CountDownLatch done = new CountDownLatch(2);
        Outboxes<Integer> outboxes = new Outboxes<>(executor, 100, Long.MAX_VALUE, item -> 1, (to, items) -> {
            sent.add(to + items);
            done.countDown();
        });

        outboxes.add("s1", 1);
        outboxes.add("s2", 2);

        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("s1[1]", "s2[2]"), sent.stream().sorted().toList());
    }

    @Test
    @DisplayName("0027: items added while a send to their destination runs go together, in order, in the next sends"
            + " of at most maxItems; never two sends to one destination at once")
    void waitingItemsGoTogether() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<List<Integer>> sends = Collections.synchronizedList(new ArrayList<>());
        Outboxes<Integer> outboxes = new Outboxes<>(executor, 4, Long.MAX_VALUE, item -> 1, (to, items) -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            sends.add(items);
            firstStarted.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
        });

        outboxes.add("s", 0);
        assertTrue(firstStarted.await(5, TimeUnit.SECONDS));
        for (int i = 1; i <= 10; i++) {
            outboxes.add("s", i);
        }
        assertEquals(10, outboxes.waiting());
        release.countDown();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (sends.stream().mapToInt(List::size).sum() < 11 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(List.of(List.of(0), List.of(1, 2, 3, 4), List.of(5, 6, 7, 8), List.of(9, 10)), sends);
        assertEquals(1, mostAtOnce.get());
        assertEquals(0, outboxes.waiting());
    }

    @Test
    @DisplayName("0027: a destination forgotten (its connection closed) drops what waits for it")
    void forgetDrops() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstStarted = new CountDownLatch(1);
        Outboxes<Integer> outboxes = new Outboxes<>(executor, 100, Long.MAX_VALUE, item -> 1, (to, items) -> {
            sent.add(to + items);
            firstStarted.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        outboxes.add("s", 1);
        assertTrue(firstStarted.await(5, TimeUnit.SECONDS));
        outboxes.add("s", 2);

        outboxes.forget("s");
        release.countDown();
        Thread.sleep(100);

        assertEquals(List.of("s[1]"), sent);
        assertEquals(0, outboxes.waiting());
    }

    @Test
    @DisplayName("0027: once the executor refuses work (the server closing) an item is dropped without an error,"
            + " and the outbox takes items again when it can send")
    void refusedExecutorDrops() {
        AtomicInteger refuse = new AtomicInteger(1);
        Outboxes<Integer> outboxes = new Outboxes<>(task -> {
            if (refuse.get() > 0) {
                throw new RejectedExecutionException("closing");
            }
            task.run();
        }, 100, Long.MAX_VALUE, item -> 1, (to, items) -> sent.add(to + items));

        outboxes.add("s", 1);
        assertEquals(0, outboxes.waiting());
        assertTrue(sent.isEmpty());

        refuse.set(0);
        outboxes.add("s", 2);
        assertEquals(List.of("s[2]"), sent);
        assertFalse(outboxes.waiting() > 0);
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

    @Test
    @DisplayName("0027: a send takes items up to maxBytes as estimated, but always its first item, however large")
    void bytesBoundTheBatch() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<Integer>> sends = Collections.synchronizedList(new ArrayList<>());
        Outboxes<Integer> outboxes = new Outboxes<>(executor, 100, 10, item -> item, (to, items) -> {
            sends.add(items);
            firstStarted.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        outboxes.add("s", 1);
        assertTrue(firstStarted.await(5, TimeUnit.SECONDS));
        for (int item : new int[] {4, 5, 2, 20, 3}) {
            outboxes.add("s", item);
        }
        release.countDown();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (sends.size() < 5 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(List.of(List.of(1), List.of(4, 5), List.of(2), List.of(20), List.of(3)), sends);
    }

    @Test
    @DisplayName("0027: the outboxes of destinations gone (connections closed) are dropped with their items")
    void forgetIfDropsTheGone() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(2);
        Outboxes<Integer> outboxes = new Outboxes<>(executor, 100, Long.MAX_VALUE, item -> 1, (to, items) -> {
            sent.add(to + items);
            started.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        outboxes.add("kept", 1);
        outboxes.add("closed", 2);
        assertTrue(started.await(5, TimeUnit.SECONDS));
        outboxes.add("kept", 3);
        outboxes.add("closed", 4);

        outboxes.forgetIf(destination -> !destination.equals("kept"));

        assertEquals(1, outboxes.waiting());
        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (sent.size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(50);
        assertEquals(List.of("closed[2]", "kept[1]", "kept[3]"), sent.stream().sorted().toList());
    }
}
