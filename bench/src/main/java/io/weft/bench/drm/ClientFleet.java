package io.weft.bench.drm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

import io.weft.drm.client.DrmClient;
import io.weft.drm.client.DrmRegistration;

/**
 * N DRM clients in this JVM, each its own {@link DrmClient} (its own Netty event loop thread, HTTP client
 * and pools, as N application instances would have), all listening to one attribute. The listener stamps
 * when each push (value {@code push-<n>}) reached each client.
 */
final class ClientFleet implements AutoCloseable {

    static final String RESOURCE = "io.weft.bench.Drm";
    static final String ATTRIBUTE = "value";
    static final String KEY = RESOURCE + ":" + ATTRIBUTE;

    private final List<DrmClient> clients = new ArrayList<>();
    private final List<DrmRegistration> registrations = new ArrayList<>();
    /** arrivals[push][client]: System.nanoTime() when the client's listener saw push-n, 0 until then (push 0: warm-up). */
    private final AtomicLongArray[] arrivals;

    private final Path work;

    private ClientFleet(int pushes, Path work) {
        this.arrivals = new AtomicLongArray[pushes + 1];
        this.work = work;
    }

    /** Builds and starts {@code count} clients, {@code parallel} at a time; returns when every start returned. */
    static ClientFleet start(int count, int pushes, String servers, Path work, int parallel) throws Exception {
        ClientFleet fleet = new ClientFleet(pushes, work);
        for (int p = 0; p <= pushes; p++) {
            fleet.arrivals[p] = new AtomicLongArray(count);
        }
        ExecutorService starter = Executors.newFixedThreadPool(parallel);
        List<Future<?>> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            DrmClient client = DrmClient.builder().instanceId("default").appName("bench-" + i).servers(servers)
                    .cacheDir(work.resolve("client-" + i).resolve("cache"))
                    .logDir(work.resolve("client-" + i).resolve("logs")).build();
            DrmRegistration reg = client.register(RESOURCE, Set.of(ATTRIBUTE), change -> fleet.arrived(index,
                    change.newValue()));
            fleet.clients.add(client);
            fleet.registrations.add(reg);
            started.add(starter.submit(client::start));
        }
        for (Future<?> f : started) {
            f.get(5, TimeUnit.MINUTES);
        }
        starter.shutdown();
        return fleet;
    }

    private void arrived(int client, String value) {
        if (value != null && value.startsWith("push-")) {
            int push = Integer.parseInt(value.substring(5));
            if (push >= 0 && push < arrivals.length) {
                arrivals[push].compareAndSet(client, 0, System.nanoTime());
            }
        }
    }

    int size() {
        return clients.size();
    }

    /** How many clients hold at least {@code version}. */
    int holding(long version) {
        int n = 0;
        for (DrmRegistration r : registrations) {
            if (r.version(ATTRIBUTE) >= version) {
                n++;
            }
        }
        return n;
    }

    /** How many clients' listeners saw push {@code push} so far. */
    int arrived(int push) {
        int n = 0;
        for (int i = 0; i < arrivals[push].length(); i++) {
            if (arrivals[push].get(i) != 0) {
                n++;
            }
        }
        return n;
    }

    /** Nanoseconds from {@code sentNanos} to each client's arrival of push {@code push}; missing ones left out. */
    long[] latencies(int push, long sentNanos) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < arrivals[push].length(); i++) {
            long at = arrivals[push].get(i);
            if (at != 0) {
                out.add(at - sentNanos);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /** Lines of the clients' common-error.log saying that a pull failed on every endpoint. */
    long failedPulls() throws java.io.IOException {
        long n = 0;
        for (int i = 0; i < clients.size(); i++) {
            Path log = work.resolve("client-" + i).resolve("logs").resolve("common-error.log");
            if (java.nio.file.Files.exists(log)) {
                try (var lines = java.nio.file.Files.lines(log)) {
                    n += lines.filter(l -> l.contains("pull of ") && l.contains(" failed")).count();
                }
            }
        }
        return n;
    }

    /** Closes every client, {@code parallel} at a time. */
    @Override
    public void close() throws InterruptedException {
        ExecutorService closer = Executors.newFixedThreadPool(16);
        for (DrmClient c : clients) {
            closer.submit(c::close);
        }
        closer.shutdown();
        closer.awaitTermination(5, TimeUnit.MINUTES);
    }
}
