package io.weft.bench.registry.sync;

import io.weft.codec.bolt.guard.LogThrottle;
import io.weft.registry.protocol.SlotTableView;
import io.weft.registry.protocol.SlotView;
import io.weft.registry.session.cluster.AsyncCalls;
import io.weft.registry.session.cluster.CallFailedException;
import io.weft.registry.session.cluster.ClusterCounts;
import io.weft.registry.session.cluster.DataReachability;
import io.weft.registry.session.cluster.HeldPublications;
import io.weft.registry.session.cluster.PublicationKey;
import io.weft.registry.session.cluster.PublicationSync;
import io.weft.registry.session.cluster.SlotRouting;
import io.weft.registry.session.data.DataInfoId;
import io.weft.registry.session.data.Publication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.helpers.NOPLogger;

/**
 * What a backlog costs a cluster session's data-sync thread: the session's {@link PublicationSync}, alone in this
 * JVM, against a data server that never answers, so every publication after the first four calls' worth waits.
 * Hands it waves of registrations (each wave on top of the backlog the earlier ones left) and prints how long the
 * thread took to take each wave in. A thread that needs time in proportion to the backlog for each change falls
 * behind without bound under a registration burst (docs/benchmarks.md, "data-sync backlog").
 *
 * <pre>
 * mvn -B -o -q -pl bench package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * java -cp bench/target/classes:$(cat bench/target/classpath.txt) io.weft.bench.registry.sync.PublicationSyncBacklog
 * </pre>
 *
 * Arguments: the wave sizes (default 2000 5000 10000 20000).
 */
public final class PublicationSyncBacklog {

    private static final String DATA_SERVER = "127.0.0.1:9620";

    private PublicationSyncBacklog() {
    }

    public static void main(String[] args) throws Exception {
        int[] waves = args.length == 0 ? new int[] {2000, 5000, 10000, 20000}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        HeldPublications held = new HeldPublications();
        SlotRouting table = SlotRouting.of(tableAllOn(DATA_SERVER, 256));
        ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1);
        PublicationSync sync = new PublicationSync(held, () -> table, new NeverAnswers(), 3000, thread,
                new ClusterCounts(), new DataReachability(), () -> "127.0.0.1:9600", "bench-process",
                new LogThrottle(NOPLogger.NOP_LOGGER, 10_000, System::currentTimeMillis));
        System.out.printf("publication sync backlog: one data server that never answers (%d cores here)%n",
                Runtime.getRuntime().availableProcessors());
        int serial = 0;
        for (int wave : waves) {
            List<PublicationKey> keys = new ArrayList<>(wave);
            for (int i = 0; i < wave; i++, serial++) {
                DataInfoId id = new DataInfoId("io.weft.bench.Registration.warm1." + serial + ":1.0", null,
                        "DEFAULT_GROUP");
                keys.add(held.put(id, new Publication("regist-" + serial, "127.0.0.1:50000", "zone",
                        List.of("bolt://10.0.0.1:12200?weight=100"), 1), 0));
            }
            int backlog = sync.pending();
            long start = System.nanoTime();
            keys.forEach(sync::changed);
            // Twice: the marks' drain is queued behind them.
            thread.submit(() -> { }).get(30, TimeUnit.MINUTES);
            thread.submit(() -> { }).get(30, TimeUnit.MINUTES);
            double millis = (System.nanoTime() - start) / 1e6;
            System.out.printf("  %6d changes on a backlog of %6d: data-sync thread busy %10.1f ms (%.2f us a change)%n",
                    wave, backlog, millis, millis * 1000 / wave);
        }
        thread.shutdownNow();
    }

    private static SlotTableView tableAllOn(String server, int slotCount) {
        List<SlotView> slots = new ArrayList<>();
        for (int id = 0; id < slotCount; id++) {
            SlotView slot = new SlotView();
            slot.setId(id);
            slot.setLeader(server);
            slots.add(slot);
        }
        SlotTableView view = new SlotTableView();
        view.setEpoch(1);
        view.setSlots(slots);
        return view;
    }

    /** A data server that takes every call and never answers: what is sent stays on its way. */
    private static final class NeverAnswers implements AsyncCalls {
        @Override
        public <R> void callAsync(String address, Object request, Class<R> replyType, int timeoutMillis,
                BiConsumer<R, CallFailedException> done) {
        }
    }
}
