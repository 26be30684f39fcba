package io.weft.bench.drm;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A standalone node started from the distribution in a fresh home with free loopback ports (HTTP,
 * ACVIP, drmdata's client, sync, pull and check ports), with the distribution's default JVM options, and
 * stopped by its PID. Gives the console's DRM page, {@code /metrics} and the process's RSS.
 */
final class BenchNode implements AutoCloseable {

    static final String PASSWORD = "bench-secret";

    private final Path dist;
    private final Path home;
    private final int httpPort;
    private final int clientPort;
    private final int pullPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private long pid = -1;

    private BenchNode(Path dist, Path home, int httpPort, int clientPort, int pullPort) {
        this.dist = dist;
        this.home = home;
        this.httpPort = httpPort;
        this.clientPort = clientPort;
        this.pullPort = pullPort;
    }

    static BenchNode create(Path dist, Path home) throws IOException {
        Files.createDirectories(home.resolve("conf"));
        int http = freePort();
        int pull = freePort();
        int client = freePort();
        httpInstance(home, "org.apache.felix.http.cfg", "weft", http);
        httpInstance(home, "org.apache.felix.http-acvip.cfg", "acvip", freePort());
        httpInstance(home, "org.apache.felix.http-drm.cfg", "drm", pull);
        httpInstance(home, "org.apache.felix.http-drmcheck.cfg", "drmcheck", freePort());
        Files.writeString(home.resolve("conf/io.weft.drm.server.cfg"), "clientPort=" + client + "\nsyncPort=" + freePort()
                + "\npullBaseUrl=http://127.0.0.1:" + pull + "\n");
        Files.copy(dist.resolve("conf/weft.properties"), home.resolve("conf/weft.properties"));
        return new BenchNode(dist, home, http, client, pull);
    }

    private static void httpInstance(Path home, String file, String name, int port) throws IOException {
        Files.writeString(home.resolve("conf").resolve(file), "org.apache.felix.http.enable=true\n"
                + "org.osgi.service.http.port=" + port + "\norg.apache.felix.http.host=127.0.0.1\n"
                + "org.apache.felix.http.name=" + name + "\norg.apache.felix.http.jetty.sendServerHeader=false\n");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** {@code bin/weft start}, then waits until /health is 200 with every component running. */
    void start() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(dist.resolve("bin/weft").toString(), "--home", home.toString(), "start")
                .redirectErrorStream(true).redirectOutput(home.resolve("start.out").toFile());
        pb.environment().put("WEFT_ADMIN_PASSWORD", PASSWORD);
        Process p = pb.start();
        if (!p.waitFor(3, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("bin/weft start failed: " + Files.readString(home.resolve("start.out")));
        }
        pid = Long.parseLong(Files.readString(home.resolve("data/weft.pid")).trim());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Optional<HttpResponse<String>> h = get("/health");
            if (h.isPresent() && h.get().statusCode() == 200 && !h.get().body().contains("UNSATISFIED")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("node not healthy within 120 s: " + get("/health").map(HttpResponse::body));
    }

    long pid() {
        return pid;
    }

    int clientPort() {
        return clientPort;
    }

    String pullBaseUrl() {
        return "http://127.0.0.1:" + pullPort;
    }

    Path home() {
        return home;
    }

    /** A form POST to the console's DRM page with the administrator's credentials; returns the answer's body. */
    HttpResponse<String> postDrmPage(Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/system/console/weft-drm"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sum of every sample of {@code metric} on /metrics (all label values), -1 when absent. */
    double metric(String metric) {
        String body = get("/metrics").map(HttpResponse::body).orElse("");
        double[] samples = body.lines().filter(l -> l.startsWith(metric + " ") || l.startsWith(metric + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).toArray();
        return samples.length == 0 ? -1 : java.util.Arrays.stream(samples).sum();
    }

    /** Resident set size of the node's process, KiB. */
    long rssKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }

    /** CPU time (user + system) the node's process used so far, in milliseconds. */
    long cpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return ticks * 1000 / 100; // USER_HZ is 100 on Linux
    }

    private Optional<HttpResponse<String>> get(String path) {
        try {
            return Optional.of(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** SIGTERM to the node's PID (a graceful stop), SIGKILL if it is still there after a minute. */
    @Override
    public void close() {
        if (pid < 0) {
            return;
        }
        ProcessHandle.of(pid).ifPresent(h -> {
            h.destroy();
            try {
                h.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        });
    }
}
