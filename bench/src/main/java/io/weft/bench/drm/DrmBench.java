package io.weft.bench.drm;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DRM figures of one standalone node (issue #5, "Performance"): push latency from the console's push until
 * every one of N connected clients holds the new value, the HTTP pull QPS one node serves, and the node's
 * long connections and RSS. Prints figures; asserts nothing.
 *
 * <ol>
 * <li>A standalone node (roles acvip, console, drm) from the distribution in a temporary home, free
 *     loopback ports, the distribution's default JVM options and drmdata's default settings
 *     (heartbeat 30 s); its RSS is read once idle.</li>
 * <li>N clients in this JVM, each its own {@code DrmClient} with its own Netty event loop thread, JDK HTTP
 *     client and pools (N application instances: about 9 threads each, some 9000 at 1000 clients, all on
 *     this machine's cores beside the node's), all listening to {@code io.weft.bench.Drm:value}. Waits
 *     until all registered.</li>
 * <li>A warm-up push (printed, not counted: every client's first pull opens its HTTP connection), then P
 *     pushes through the console page (form POST to {@code /system/console/weft-drm}, as the browser
 *     sends it), one after the other: for each, the time from sending the POST until each client's
 *     listener had the new value. Prints p50/p99/max over every (push, client) pair, and over the pushes of
 *     "the last client got it" (all clients).</li>
 * <li>RSS and {@code drm_long_connections} with N clients connected.</li>
 * <li>HTTP pull: a pull token obtained by speaking drmdata's 9880 protocol directly (an unsigned Register
 *     from loopback), then {@code GET /drm/pull} from K keep-alive connections for S seconds (after a 3 s
 *     warm-up), once with a plain-socket HTTP/1.1 client and once with {@code java.net.http.HttpClient}.
 *     Client and node share this machine's cores: the CPU each used is printed beside the QPS.</li>
 * <li>The node is stopped by its PID (SIGTERM).</li>
 * </ol>
 *
 * Run from the repository root after {@code mvn -o install} of the tree (the distribution and the DRM
 * bundles built):
 * <pre>
 * mvn -B -o -q -pl bench package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * java -cp bench/target/classes:$(cat bench/target/classpath.txt) io.weft.bench.drm.DrmBench \
 *      assembly/target/weft-standalone 1000 20 [PULL_CONNECTIONS=32] [PULL_SECONDS=15]
 * </pre>
 */
public final class DrmBench {

    private static final Pattern VERSION = Pattern.compile("data-version=\"(\\d+)\"");

    public static void main(String[] args) throws Exception {
        Path dist = Path.of(args.length > 0 ? args[0] : "assembly/target/weft-standalone").toAbsolutePath();
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int pushes = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int pullConnections = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        int pullSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 15;
        Path work = Files.createTempDirectory("weft-drm-bench");
        System.out.printf("DRM bench: %d clients, %d pushes, pull with %d connections for %d s; dist %s; %d cores;"
                + " work %s%n", clients, pushes, pullConnections, pullSeconds, dist,
                Runtime.getRuntime().availableProcessors(), work);

        try (BenchNode node = BenchNode.create(dist, work.resolve("node"))) {
            long began = System.nanoTime();
            node.start();
            System.out.printf("node pid %d healthy after %d ms%n", node.pid(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
            Thread.sleep(10_000);
            System.out.printf("node RSS idle: %.1f MiB; drm_long_connections %.0f%n", node.rssKiB() / 1024.0,
                    node.metric("drm_long_connections"));

            ClientFleet fleet = connect(node, clients, pushes, work);
            try {
                pushLatency(node, fleet, pushes);
                Thread.sleep(5_000);
                System.out.printf("node RSS with %d clients connected: %.1f MiB; drm_long_connections %.0f;"
                        + " bench JVM threads %d%n", fleet.size(), node.rssKiB() / 1024.0,
                        node.metric("drm_long_connections"), Thread.activeCount());
            } finally {
                fleet.close();
            }
            pullQps(node, pullConnections, pullSeconds);
        }
        System.out.println("node stopped");
    }

    private static ClientFleet connect(BenchNode node, int clients, int pushes, Path work) throws Exception {
        long began = System.nanoTime();
        ClientFleet fleet = ClientFleet.start(clients, pushes, "127.0.0.1:" + node.clientPort(),
                work.resolve("clients"), 64);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        double connected = 0;
        while (System.nanoTime() < deadline && (connected = node.metric("drm_long_connections")) < clients) {
            Thread.sleep(200);
        }
        System.out.printf("%d clients started (each its own event loop thread and HTTP client) and %.0f connected"
                + " in %d ms%n", fleet.size(), connected, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
        return fleet;
    }

    private static void pushLatency(BenchNode node, ClientFleet fleet, int pushes) throws Exception {
        List<Long> pairs = new ArrayList<>();
        List<Long> allClients = new ArrayList<>();
        int incomplete = 0;
        // Push 0 warms both JVMs up (each client's first pull opens its HTTP connection): printed, not counted.
        for (int p = 0; p <= pushes; p++) {
            long sent = System.nanoTime();
            HttpResponse<String> r = node.postDrmPage(Map.of("action", "push", "instance", "default",
                    "key", ClientFleet.KEY, "value", "push-" + p));
            long answered = System.nanoTime();
            Matcher v = VERSION.matcher(r.body());
            if (r.statusCode() != 200 || !v.find()) {
                throw new IllegalStateException("push " + p + " refused: " + r.statusCode() + " " + r.body());
            }
            long version = Long.parseLong(v.group(1));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (fleet.arrived(p) < fleet.size() && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            long[] latencies = fleet.latencies(p, sent);
            Stats s = Stats.of(latencies);
            if (p > 0) {
                for (long l : latencies) {
                    pairs.add(l);
                }
                if (latencies.length == fleet.size()) {
                    allClients.add(s.max());
                } else {
                    incomplete++;
                }
            }
            System.out.printf("%s (version %d): POST answered in %.1f ms; %d/%d clients; %s%n",
                    p == 0 ? "warm-up push, not counted" : String.format("push %2d", p), version,
                    (answered - sent) / 1e6, latencies.length, fleet.size(), s.describe(1e6, "ms"));
            if (p == 0) {
                System.out.printf("client pulls that failed during the warm-up push: %d%n", fleet.failedPulls());
            }
            Thread.sleep(500);
        }
        Stats pairStats = Stats.of(pairs.stream().mapToLong(Long::longValue).toArray());
        Stats allStats = Stats.of(allClients.stream().mapToLong(Long::longValue).toArray());
        System.out.printf("push latency, console POST sent -> client's listener has the value, over %d (push, client)"
                + " pairs: %s%n", pairStats.count(), pairStats.describe(1e6, "ms"));
        System.out.printf("client pulls that failed in all, warm-up included (such a client waits for its next"
                + " heartbeat answer, 30 s): %d%n", fleet.failedPulls());
        System.out.printf("push latency until ALL %d clients hold it, over %d pushes: %s%s%n", fleet.size(),
                allStats.count(), allStats.describe(1e6, "ms"),
                incomplete == 0 ? "" : "; " + incomplete + " pushes did not reach every client within 60 s");
    }

    private static void pullQps(BenchNode node, int connections, int seconds) throws Exception {
        try (PullToken token = PullToken.register(node.clientPort(), "default", ClientFleet.KEY)) {
            PullLoad load = new PullLoad(node, token.token(), ClientFleet.KEY, token.version());
            System.out.println("pull token from a Register on the client port; one pull: " + load.probe());
            for (String client : List.of("socket", "jdk")) {
                PullLoad.Result r = load.run(client, connections, 3, seconds);
                System.out.printf("HTTP pull (%s client, %d keep-alive connections, %d s): %.0f QPS, %d failed;"
                        + " latency %s; CPU used: bench client %.2f cores, node %.2f cores (of %d)%n", r.client(),
                        r.connections(), seconds, r.qps(), r.failed(), r.latencyMicros().describe(1e3, "ms"),
                        r.clientCpuCores(), r.nodeCpuCores(), Runtime.getRuntime().availableProcessors());
            }
            System.out.printf("on /metrics now: drm_pull_requests_total %.0f, drm_pull_qps %.0f; node RSS after the pull"
                    + " load: %.1f MiB%n", node.metric("drm_pull_requests_total"), node.metric("drm_pull_qps"),
                    node.rssKiB() / 1024.0);
        }
    }
}
