package io.weft.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Standalone start-up time to healthy and idle memory.
 *
 * <p>For each run: a fresh node home, {@code bin/weft run} started as a child process with the
 * distribution's default JVM options, then {@code GET /health} polled every 10 ms until it answers
 * 200 with no component still unsatisfied (the database connected, every component running); that
 * wall time is "start to healthy" (JVM start included). After an idle period the process's
 * resident set size is read from {@code /proc/PID/status}. The node is stopped with
 * {@code bin/weft stop}. Prints one line per run and a summary; asserts nothing.
 *
 * <pre>java -cp bench/target/classes io.weft.bench.StartupBench DIST [RUNS] [IDLE_SECONDS]</pre>
 */
public final class StartupBench {

    private record Run(long millisToHealthy, long idleRssKiB, long heapUsedKiB) {
    }

    public static void main(String[] args) throws Exception {
        Path dist = Path.of(args.length > 0 ? args[0] : "assembly/target/weft-standalone").toAbsolutePath();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int idleSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Path work = Files.createTempDirectory("weft-startup-bench");
        System.out.printf("standalone start-up: %d runs, idle %d s, dist %s%n", runs, idleSeconds, dist);
        List<Run> results = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            Run r = once(dist, work.resolve("node-" + i), idleSeconds);
            results.add(r);
            System.out.printf("run %d: start to healthy %d ms, idle RSS %.1f MiB, heap used %.1f MiB%n",
                    i, r.millisToHealthy(), r.idleRssKiB() / 1024.0, r.heapUsedKiB() / 1024.0);
        }
        results.sort(Comparator.comparingLong(Run::millisToHealthy));
        long minMs = results.get(0).millisToHealthy();
        long medianMs = results.get(results.size() / 2).millisToHealthy();
        long maxMs = results.get(results.size() - 1).millisToHealthy();
        results.sort(Comparator.comparingLong(Run::idleRssKiB));
        double medianRss = results.get(results.size() / 2).idleRssKiB() / 1024.0;
        System.out.printf("summary: start to healthy min %d / median %d / max %d ms; idle RSS median %.1f MiB%n",
                minMs, medianMs, maxMs, medianRss);
    }

    private static Run once(Path dist, Path home, int idleSeconds) throws Exception {
        Files.createDirectories(home.resolve("conf"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.writeString(home.resolve("conf/org.apache.felix.http.cfg"), "org.apache.felix.http.enable=true\n"
                + "org.osgi.service.http.port=" + port + "\norg.apache.felix.http.host=127.0.0.1\norg.apache.felix.http.name=weft\n");
        int acvipPort;
        try (ServerSocket s = new ServerSocket(0)) {
            acvipPort = s.getLocalPort();
        }
        Files.writeString(home.resolve("conf/org.apache.felix.http-acvip.cfg"), "org.apache.felix.http.enable=true\n"
                + "org.osgi.service.http.port=" + acvipPort + "\norg.apache.felix.http.host=127.0.0.1\norg.apache.felix.http.name=acvip\n");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2)).build();

        ProcessBuilder pb = new ProcessBuilder(dist.resolve("bin/weft").toString(), "--home", home.toString(), "run")
                .redirectErrorStream(true).redirectOutput(home.resolve("run.out").toFile());
        pb.environment().put("WEFT_ADMIN_PASSWORD", "bench");
        long began = System.nanoTime();
        Process node = pb.start();
        try {
            long healthyAt = -1;
            while (healthyAt < 0 && System.nanoTime() - began < TimeUnit.SECONDS.toNanos(120)) {
                try {
                    HttpResponse<String> r = client.send(health, HttpResponse.BodyHandlers.ofString());
                    // Healthy: 200, and no component still waiting (e.g. for the database to connect).
                    if (r.statusCode() == 200 && !r.body().contains("\"UNSATISFIED")) {
                        healthyAt = System.nanoTime();
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (healthyAt < 0) {
                    Thread.sleep(10);
                }
            }
            if (healthyAt < 0) {
                throw new IllegalStateException("node not healthy within 120 s; see " + home.resolve("run.out"));
            }
            Thread.sleep(TimeUnit.SECONDS.toMillis(idleSeconds));
            long rss = statusField(node.pid(), "VmRSS:");
            String metrics = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            long heapUsed = metrics.lines().filter(l -> l.startsWith("jvm_memory_bytes_used{area=\"heap\""))
                    .map(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) / 1024).findFirst().orElse(-1L);
            return new Run(TimeUnit.NANOSECONDS.toMillis(healthyAt - began), rss, heapUsed);
        } finally {
            new ProcessBuilder(dist.resolve("bin/weft").toString(), "--home", home.toString(), "stop")
                    .inheritIO().start().waitFor(90, TimeUnit.SECONDS);
            if (!node.waitFor(30, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
    }

    private static long statusField(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }
}
