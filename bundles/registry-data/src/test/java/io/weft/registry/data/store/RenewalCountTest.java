package io.weft.registry.data.store;

import static io.weft.registry.data.store.DatumStoreTest.publisher;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.registry.protocol.PublisherEntry;
import io.weft.registry.protocol.Slots;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The count a lease renewal answers with (REG-34, {@code heldPublishers}): the publishers of one session process in
 * the slots this server leads, kept up as datums change rather than walked per renewal. Every figure is checked
 * against a walk over the datums, which is how it was counted before.
 */
class RenewalCountTest {

    private static final int SLOTS = 16;
    private static final IntPredicate EVEN_SLOTS = slot -> slot % 2 == 0;

    private final DatumStore store = new DatumStore(new VersionClock(new AtomicLong(1_700_000_000_000L)::get));

    @Test
    @DisplayName("REG-34, REG-83: the renewal count and the health check's counts follow publishes, replacements,"
            + " unpublishes, removals, replicas and dropped slots, per session process and led slot")
    void followsEveryChange() {
        assertCounts("before any publish"); // the tally exists from here on: every change below moves it
        for (int i = 0; i < 40; i++) {
            store.publish(id(i), publisher("r" + i, i % 3 == 0 ? "old" : "new", "c1", 1));
        }
        assertCounts("after the publishes");
        assertTrue(count("old") > 0 && count("new") > count("old"), "both processes hold publishers in led slots");

        for (int i = 0; i < 40; i += 4) {
            store.publish(id(i), publisher("r" + i, "new", "c2", 2)); // the same registration through the new process
        }
        assertCounts("after replacements that moved publishers to another process");

        for (int i = 1; i < 40; i += 5) {
            store.unpublish(id(i), "r" + i, i % 3 == 0 ? "old" : "new");
        }
        store.unpublish(id(2), "r2", "someone else"); // not its process: nothing changes
        assertCounts("after unpublishes");

        store.removePublishers(id -> true, p -> "old".equals(p.getSessionProcessId()));
        assertEquals(0, count("old"), "the old process's lease ended");
        assertCounts("after the old process's publishers were removed");

        store.applyReplica(id(3), Long.MAX_VALUE, List.of(publisher("x1", "new", "c3", 1),
                publisher("x2", "other", "c4", 1)));
        store.applyReplica(id(5), Long.MAX_VALUE, null);
        assertCounts("after replicas replaced two datums");

        store.retainOnly(id -> Slots.slotOf(id, SLOTS) != 4);
        assertCounts("after the datums of slot 4 were dropped");
    }

    @Test
    @DisplayName("REG-34: a table with another slot count is counted afresh")
    void anotherSlotCount() {
        for (int i = 0; i < 30; i++) {
            store.publish(id(i), publisher("r" + i, "p", "c1", 1));
        }
        assertEquals(walk("p", SLOTS, EVEN_SLOTS), store.publisherCount("p", SLOTS, EVEN_SLOTS));

        IntPredicate firstThird = slot -> slot < 3;
        assertEquals(walk("p", 7, firstThird), store.publisherCount("p", 7, firstThird));
        store.publish(id(99), publisher("r99", "p", "c1", 1));
        assertEquals(walk("p", 7, firstThird), store.publisherCount("p", 7, firstThird));
        assertEquals(0, store.publisherCount("p", 0, slot -> true), "no table yet: nothing is led");
    }

    @Test
    @DisplayName("REG-34: renewals counted while publishers come and go on other threads end on the walked count")
    void countedWhileChanging() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                String process = "p" + t;
                work.add(threads.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        store.publish(id(i % 500), publisher(process + "-" + i % 700, process, "c", i));
                        if (i % 3 == 0) {
                            store.unpublish(id((i + 250) % 500), process + "-" + (i + 1) % 700, process);
                        }
                    }
                }));
            }
            // Counts asked while the tally is built and rebuilt, at two slot counts, as the changes go on.
            work.add(threads.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    store.publisherCount("p0", i % 2 == 0 ? SLOTS : 5, EVEN_SLOTS);
                }
            }));
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            threads.shutdownNow();
        }
        for (String process : List.of("p0", "p1")) {
            assertEquals(walk(process, SLOTS, EVEN_SLOTS), store.publisherCount(process, SLOTS, EVEN_SLOTS));
            assertEquals(walk(process, 5, EVEN_SLOTS), store.publisherCount(process, 5, EVEN_SLOTS));
        }
    }

    @Test
    @DisplayName("REG-34: a process whose publishers all left counts 0 after the empty-datum sweep forgot it")
    void processWithoutPublishers() {
        store.publish(id(1), publisher("r1", "gone", "c1", 1));
        assertEquals(walk("gone", SLOTS, slot -> true), store.publisherCount("gone", SLOTS, slot -> true));
        store.unpublish(id(1), "r1", "gone");
        store.forgetEmptySince(0);
        assertEquals(0, store.publisherCount("gone", SLOTS, slot -> true));
        store.publish(id(1), publisher("r1", "gone", "c1", 2));
        assertEquals(1, store.publisherCount("gone", SLOTS, slot -> true), "counted again when it publishes again");
    }

    private void assertCounts(String when) {
        List<Datum> all = store.datums(id -> true);
        assertEquals(all.stream().mapToInt(Datum::publisherCount).sum(), store.publisherCount(), "all " + when);
        assertEquals(all.stream().filter(d -> d.publisherCount() > 0).count(), store.datumCount(), "datums " + when);
        assertEquals(walk(null, SLOTS, EVEN_SLOTS), store.publisherCount(SLOTS, EVEN_SLOTS), "all led " + when);
        for (String process : List.of("old", "new", "other")) {
            assertEquals(walk(process, SLOTS, EVEN_SLOTS), count(process), process + " " + when);
            assertEquals(walk(process, SLOTS, slot -> true), store.publisherCount(process, SLOTS, slot -> true),
                    process + " in every slot " + when);
        }
    }

    private int count(String process) {
        return store.publisherCount(process, SLOTS, EVEN_SLOTS);
    }

    /** The count as a walk over every datum finds it; a null process counts every process's publishers. */
    private int walk(String process, int slotCount, IntPredicate slots) {
        int count = 0;
        for (Datum datum : store.datums(id -> slots.test(Slots.slotOf(id, slotCount)))) {
            for (PublisherEntry p : datum.publishers().values()) {
                count += process == null || process.equals(p.getSessionProcessId()) ? 1 : 0;
            }
        }
        return count;
    }

    private static String id(int i) {
        return "com.example.Service" + i + "#@#DEFAULT_INSTANCE_ID#@#SOFA";
    }
}
