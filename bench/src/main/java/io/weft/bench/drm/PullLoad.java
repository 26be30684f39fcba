package io.weft.bench.drm;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.weft.drm.protocol.PullProtocol;

/**
 * Hammers {@code GET /drm/pull} with K concurrent keep-alive connections for a while and measures what
 * one node serves: requests per second (200 answers) and latency. Two client implementations:
 * <ul>
 * <li>{@code socket}: one thread per connection writing a fixed HTTP/1.1 request and reading the answer
 *     by its Content-Length on a plain socket, the cheapest client the JDK allows, so that the client
 *     leaves as much of the shared CPU as possible to the node;</li>
 * <li>{@code jdk}: {@link HttpClient} (HTTP/1.1, its own keep-alive pool) called synchronously from K
 *     threads, as a Java application would pull.</li>
 * </ul>
 * The first seconds are a warm-up, not counted.
 */
final class PullLoad {

    /** What one run measured. */
    record Result(String client, int connections, long ok, long failed, double seconds, Stats latencyMicros,
            double clientCpuCores, double nodeCpuCores) {

        double qps() {
            return ok / seconds;
        }
    }

    private final BenchNode node;
    private final String token;
    private final String pathAndQuery;

    PullLoad(BenchNode node, String token, String key, long version) {
        this.node = node;
        this.token = token;
        this.pathAndQuery = PullProtocol.PATH + "?" + PullProtocol.INSTANCE_ID + "=default&" + PullProtocol.KEY + "="
                + URLEncoder.encode(key, StandardCharsets.UTF_8) + "&" + PullProtocol.VERSION + "=" + version;
    }

    /** A single pull through the JDK client, to check that the token and the URL are right before loading. */
    String probe() throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(request(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    Result run(String client, int connections, int warmupSeconds, int seconds) throws Exception {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        ExecutorService jdkThreads = Executors.newFixedThreadPool(4);
        HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(jdkThreads).build();
        List<Future<long[]>> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            workers.add(threads.submit(() -> "jdk".equals(client)
                    ? jdkLoop(jdk, measureFrom, end, ok, failed)
                    : socketLoop(measureFrom, end, ok, failed)));
        }
        Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(measureFrom - System.nanoTime())));
        long clientCpu0 = processCpuNanos();
        long nodeCpu0 = node.cpuMillis();
        long t0 = System.nanoTime();
        List<long[]> latencies = new ArrayList<>();
        for (Future<long[]> f : workers) {
            latencies.add(f.get());
        }
        long t1 = Math.min(System.nanoTime(), end);
        double wall = (t1 - t0) / 1e9;
        double clientCores = (processCpuNanos() - clientCpu0) / 1e9 / wall;
        double nodeCores = (node.cpuMillis() - nodeCpu0) / 1e3 / wall;
        threads.shutdown();
        jdkThreads.shutdown();
        int total = latencies.stream().mapToInt(l -> l.length).sum();
        long[] all = new long[total];
        int at = 0;
        for (long[] l : latencies) {
            System.arraycopy(l, 0, all, at, l.length);
            at += l.length;
        }
        return new Result(client, connections, ok.get(), failed.get(), seconds, Stats.of(all), clientCores, nodeCores);
    }

    private long[] socketLoop(long measureFrom, long end, AtomicLong ok, AtomicLong failed) throws IOException {
        byte[] request = ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + PullProtocol.TOKEN_HEADER + ": "
                + token + "\r\nConnection: keep-alive\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        Samples samples = new Samples();
        URI base = URI.create(node.pullBaseUrl());
        Socket socket = null;
        InputStream in = null;
        try {
            while (true) {
                long now = System.nanoTime();
                if (now >= end) {
                    break;
                }
                if (socket == null) {
                    socket = new Socket(InetAddress.getLoopbackAddress(), base.getPort());
                    socket.setTcpNoDelay(true);
                    socket.setSoTimeout(10_000);
                    in = new BufferedInputStream(socket.getInputStream(), 8192);
                }
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
                int status;
                boolean keepAlive;
                try {
                    Answer a = readAnswer(in);
                    status = a.status;
                    keepAlive = a.keepAlive;
                } catch (IOException e) {
                    status = -1;
                    keepAlive = false;
                }
                long done = System.nanoTime();
                if (now >= measureFrom && done <= end) {
                    if (status == 200) {
                        ok.incrementAndGet();
                        samples.add((done - now) / 1000);
                    } else {
                        failed.incrementAndGet();
                    }
                }
                if (!keepAlive) {
                    socket.close();
                    socket = null;
                }
            }
        } finally {
            if (socket != null) {
                socket.close();
            }
        }
        return samples.toArray();
    }

    /** One HTTP/1.1 answer read by its Content-Length (the pull servlet always sets it). */
    private record Answer(int status, boolean keepAlive) {
    }

    // One answer is read fully before the next request is sent, so the buffer never holds the next one.
    private static Answer readAnswer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder(256);
        int state = 0;
        while (state < 4) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed in the answer's head");
            }
            head.append((char) c);
            state = (c == '\r' && (state == 0 || state == 2)) ? state + 1 : (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        String text = head.toString();
        int status = Integer.parseInt(text.substring(9, 12));
        int length = 0;
        boolean keepAlive = true;
        for (String line : text.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String name = line.substring(0, colon).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Integer.parseInt(line.substring(colon + 1).trim());
                } else if (name.equalsIgnoreCase("Connection") && line.substring(colon + 1).trim().equalsIgnoreCase("close")) {
                    keepAlive = false;
                }
            }
        }
        in.readNBytes(length);
        return new Answer(status, keepAlive);
    }

    private long[] jdkLoop(HttpClient jdk, long measureFrom, long end, AtomicLong ok, AtomicLong failed) {
        HttpRequest request = request();
        Samples samples = new Samples();
        while (true) {
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            int status;
            try {
                status = jdk.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
            } catch (IOException e) {
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long done = System.nanoTime();
            if (now >= measureFrom && done <= end) {
                if (status == 200) {
                    ok.incrementAndGet();
                    samples.add((done - now) / 1000);
                } else {
                    failed.incrementAndGet();
                }
            }
        }
        return samples.toArray();
    }

    private HttpRequest request() {
        return HttpRequest.newBuilder(URI.create(node.pullBaseUrl() + pathAndQuery)).timeout(Duration.ofSeconds(10))
                .header(PullProtocol.TOKEN_HEADER, token).GET().build();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** A growing array of longs (latencies in microseconds), one per worker thread. */
    private static final class Samples {
        private long[] values = new long[1 << 16];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
