package io.weft.bench.registry.lease;

import io.weft.registry.data.store.Datum;
import io.weft.registry.data.store.DatumStore;
import io.weft.registry.data.store.VersionClock;
import io.weft.registry.protocol.PublisherEntry;
import io.weft.registry.protocol.SlotTableView;
import io.weft.registry.protocol.SlotView;
import io.weft.registry.protocol.Slots;
import io.weft.registry.session.cluster.HeldPublications;
import io.weft.registry.session.cluster.PublicationKey;
import io.weft.registry.session.cluster.SlotRouting;
import io.weft.registry.session.data.DataInfoId;
import io.weft.registry.session.data.Publication;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * What a lease renewal's publisher count costs on both sides (REG-34): every renewal (each session, every 5 s)
 * asks the data server how many of the session's publishers it holds in the slots it leads, and the session counts
 * its own held publications by slot leader. Both are kept per slot as publications change; this prints, for a
 * store of N one-publisher datums from 10 session processes on 256 slots (half of them led here):
 * <ul>
 *   <li>data server: one count (median of 20), the first count (which builds the tally by one walk), and a walk
 *       over the datums as the count was made before, datum by datum, for comparison;</li>
 *   <li>session: one {@code countsByLeader} (median of 20) over N held publications, and the walk that counted
 *       them before, hashing each publication's id;</li>
 *   <li>what keeping the tally adds to a publish: N publishes into an empty store with and without a tally.</li>
 * </ul>
 *
 * <pre>
 * mvn -B -o -q -pl bench package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * java -Xmx4g -cp bench/target/classes:$(cat bench/target/classpath.txt) io.weft.bench.registry.lease.RenewalCounts
 * </pre>
 *
 * Arguments: the store sizes (default 100000 1000000).
 */
public final class RenewalCounts {

    private static final int SLOTS = 256;
    private static final int PROCESSES = 10;
    private static final IntPredicate LED = slot -> slot % 2 == 0;

    private RenewalCounts() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {100_000, 1_000_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf("renewal counts: %d slots, %d session processes, half the slots led (%d cores here)%n",
                SLOTS, PROCESSES, Runtime.getRuntime().availableProcessors());
        for (int size : sizes) {
            dataServer(size);
            session(size);
        }
    }

    private static void dataServer(int size) {
        // Twice: the first pass warms the JIT, the second is printed.
        for (int pass = 0; pass < 2; pass++) {
            DatumStore untallied = new DatumStore(new VersionClock(System::currentTimeMillis));
            long plain = publishAll(untallied, size);
            DatumStore store = new DatumStore(new VersionClock(System::currentTimeMillis));
            store.publisherCount("process-0", SLOTS, LED); // the tally exists from the first publish on
            long tallied = publishAll(store, size);

            long walkStart = System.nanoTime();
            int byWalk = walk(untallied, "process-3");
            long walk = System.nanoTime() - walkStart;
            long buildStart = System.nanoTime();
            int built = untallied.publisherCount("process-3", SLOTS, LED);
            long build = System.nanoTime() - buildStart;
            long[] counts = new long[20];
            int counted = 0;
            for (int i = 0; i < counts.length; i++) {
                long start = System.nanoTime();
                counted = store.publisherCount("process-" + i % PROCESSES, SLOTS, LED);
                counts[i] = System.nanoTime() - start;
            }
            if (built != byWalk || store.publisherCount("process-3", SLOTS, LED) != byWalk) {
                throw new IllegalStateException("counts differ: walk " + byWalk + ", tally " + built);
            }
            if (pass == 1) {
                System.out.printf("data server, %,d datums: renewal count %.3f ms (median of 20; %d publishers); first"
                        + " count, building the tally %.1f ms; a walk over the datums %.1f ms; %,d publishes %.0f ms"
                        + " with the tally, %.0f ms without (%.2f / %.2f µs each)%n", size, median(counts) / 1e6,
                        counted, build / 1e6, walk / 1e6, size, tallied / 1e6, plain / 1e6,
                        tallied / 1e3 / size, plain / 1e3 / size);
            }
        }
    }

    private static long publishAll(DatumStore store, int size) {
        long start = System.nanoTime();
        for (int i = 0; i < size; i++) {
            PublisherEntry publisher = new PublisherEntry();
            publisher.setRegisterId("r" + i);
            publisher.setSessionProcessId("process-" + i % PROCESSES);
            publisher.setSessionAddress("127.0.0.1:9600");
            publisher.setConnectionId("127.0.0.1:" + (20000 + i % 1000));
            publisher.setClientVersion(1);
            publisher.setData(List.of("value"));
            store.publish(id(i), publisher);
        }
        return System.nanoTime() - start;
    }

    /** The count as it was made before the tally: every datum's slot, then its publishers. */
    private static int walk(DatumStore store, String process) {
        int count = 0;
        for (Datum datum : store.datums(id -> LED.test(Slots.slotOf(id, SLOTS)))) {
            for (PublisherEntry publisher : datum.publishers().values()) {
                count += process.equals(publisher.getSessionProcessId()) ? 1 : 0;
            }
        }
        return count;
    }

    private static void session(int size) {
        SlotRouting table = SlotRouting.of(table());
        for (int pass = 0; pass < 2; pass++) {
            HeldPublications held = new HeldPublications();
            held.countsByLeader(table);
            for (int i = 0; i < size; i++) {
                held.put(new DataInfoId("io.weft.bench.Service" + i, null, "SOFA"),
                        new Publication("r" + i, "127.0.0.1:" + (20000 + i % 1000), "DEFAULT_ZONE", List.of("v"), 1),
                        0);
            }
            long[] counts = new long[20];
            for (int i = 0; i < counts.length; i++) {
                long start = System.nanoTime();
                held.countsByLeader(table);
                counts[i] = System.nanoTime() - start;
            }
            long walkStart = System.nanoTime();
            Map<String, Integer> walked = new HashMap<>();
            for (PublicationKey key : held.keys()) {
                String leader = table.leaderOf(key.id().toString());
                if (leader != null) {
                    walked.merge(leader, 1, Integer::sum);
                }
            }
            long walk = System.nanoTime() - walkStart;
            if (!walked.equals(held.countsByLeader(table))) {
                throw new IllegalStateException("counts differ: walk " + walked + ", tally " + held.countsByLeader(table));
            }
            if (pass == 1) {
                System.out.printf("session, %,d held publications: renewal counts by leader %.3f ms (median of 20);"
                        + " a walk over the held publications %.1f ms%n", size, median(counts) / 1e6, walk / 1e6);
            }
        }
    }

    private static SlotTableView table() {
        List<SlotView> slots = new ArrayList<>();
        for (int id = 0; id < SLOTS; id++) {
            SlotView slot = new SlotView();
            slot.setId(id);
            slot.setLeader(LED.test(id) ? "127.0.0.1:9620" : "127.0.0.2:9620");
            slots.add(slot);
        }
        SlotTableView view = new SlotTableView();
        view.setEpoch(1);
        view.setSlots(slots);
        return view;
    }

    private static String id(int i) {
        return "io.weft.bench.Service" + i + "#@#DEFAULT_INSTANCE_ID#@#SOFA";
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
