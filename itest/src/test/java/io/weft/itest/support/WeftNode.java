package io.weft.itest.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A Weft node started from the built distribution with {@code bin/weft}, in a home folder of its
 * own, serving HTTP on a free loopback port. Stopped by the test through {@code bin/weft stop} (by
 * PID) or killed with {@link #kill9()}; {@link #close()} makes sure no process is left behind.
 */
public final class WeftNode implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "itest-secret";

    private final Path dist;
    private final Path home;
    private final int httpPort;
    private final int acvipPort;
    private final DrmPorts drmPorts;
    private final RegistryPorts registryPorts;
    private final int consoleFeedPort;
    private final Http http;

    /** The ports of the node's drmdata (role drm), free ports instead of 9880, 9870, 8880 and 9500. */
    public record DrmPorts(int client, int sync, int pull, int checkService) {
    }

    /**
     * The ports of the node's registry servers, free ports instead of 9600 and 9603 (session), 9612 (meta's
     * raft), 9615 (meta's ops), 8080 (meta's readiness probe), 9610 and 9611 (meta for sessions and data servers),
     * 9620, 9621 and 9622 (data).
     */
    public record RegistryPorts(int sessionClient, int sessionHttp, int metaRaft, int metaHttp, int metaReadiness,
            int metaSession, int metaData, int dataSession, int dataReplication, int dataHttp) {
    }

    private WeftNode(Path dist, Path home, int httpPort, int acvipPort, DrmPorts drmPorts, RegistryPorts registryPorts,
            int consoleFeedPort) {
        this.consoleFeedPort = consoleFeedPort;
        this.dist = dist;
        this.home = home;
        this.httpPort = httpPort;
        this.acvipPort = acvipPort;
        this.drmPorts = drmPorts;
        this.registryPorts = registryPorts;
        this.http = new Http("http://127.0.0.1:" + httpPort, "admin", ADMIN_PASSWORD);
    }

    /** A fresh home named after the test, with its HTTP port set; nothing started yet. */
    public static WeftNode create(String name) throws IOException {
        Path dist = Path.of(System.getProperty("weft.dist", "../assembly/target/weft-standalone")).toAbsolutePath().normalize();
        if (!Files.isExecutable(dist.resolve("bin/weft"))) {
            throw new IllegalStateException("no distribution at " + dist + ": build the assembly module first");
        }
        Path work = Path.of(System.getProperty("weft.itest.work", "target/nodes")).toAbsolutePath();
        Path home = work.resolve(name + "-" + System.nanoTime());
        Files.createDirectories(home.resolve("conf"));
        int port = freePort();
        int acvipPort = freePort();
        writeHttpInstance(home.resolve("conf/org.apache.felix.http.cfg"), "weft", port);
        writeHttpInstance(home.resolve("conf/org.apache.felix.http-acvip.cfg"), "acvip", acvipPort);
        DrmPorts drm = new DrmPorts(freePort(), freePort(), freePort(), freePort());
        writeHttpInstance(home.resolve("conf/org.apache.felix.http-drm.cfg"), "drm", drm.pull());
        writeHttpInstance(home.resolve("conf/org.apache.felix.http-drmcheck.cfg"), "drmcheck", drm.checkService());
        // Only the ports: the rest comes from the metatype defaults (the feature's file is not seeded
        // when one exists), which are the drm role's settings.
        Files.writeString(home.resolve("conf/io.weft.drm.server.cfg"), String.join("\n",
                "clientPort=" + drm.client(),
                "syncPort=" + drm.sync(),
                "pullBaseUrl=http://127.0.0.1:" + drm.pull(), ""), StandardCharsets.UTF_8);
        // The data server's replication port next to its session port, as other data servers look for it there.
        int dataPorts = TestPorts.nextPair();
        RegistryPorts registry = new RegistryPorts(freePort(), freePort(), freePort(), freePort(), freePort(),
                freePort(), freePort(), dataPorts, dataPorts + 1, freePort());
        writeHttpInstance(home.resolve("conf/org.apache.felix.http-registry-data.cfg"), "registry-data",
                registry.dataHttp());
        Files.writeString(home.resolve("conf/io.weft.registry.data.cfg"), String.join("\n",
                "sessionPort=" + registry.dataSession(),
                "replicationPort=" + registry.dataReplication(),
                "metaServers=127.0.0.1:" + registry.metaData(), ""), StandardCharsets.UTF_8);
        writeHttpInstance(home.resolve("conf/org.apache.felix.http-registry-meta.cfg"), "registry-meta",
                registry.metaHttp());
        // Never the role's 8080: nodes of parallel tests (and anything else on the machine) would collide there.
        writeHttpInstance(home.resolve("conf/org.apache.felix.http-registry-meta-readiness.cfg"),
                "registry-meta-readiness", registry.metaReadiness());
        Files.writeString(home.resolve("conf/io.weft.registry.meta.cfg"), String.join("\n",
                "raftPort=" + registry.metaRaft(),
                "sessionPort=" + registry.metaSession(),
                "dataPort=" + registry.metaData(), ""), StandardCharsets.UTF_8);
        writeHttpInstance(home.resolve("conf/org.apache.felix.http-registry-session.cfg"), "registry-session",
                registry.sessionHttp());
        Files.writeString(home.resolve("conf/io.weft.registry.session.cfg"), String.join("\n",
                "port=" + registry.sessionClient(),
                "metaServers=127.0.0.1:" + registry.metaSession(), ""), StandardCharsets.UTF_8);
        Files.copy(dist.resolve("conf/weft.properties"), home.resolve("conf/weft.properties"));
        // The session's console feed (9601) on a test port, and the registry page reading it and this node's meta.
        int consoleFeed = freePort();
        writeHttpInstance(home.resolve("conf/org.apache.felix.http-registry-console.cfg"), "registry-console",
                consoleFeed);
        Files.writeString(home.resolve("conf/io.weft.console.registry.cfg"), String.join("\n",
                "sessionServers=127.0.0.1:" + consoleFeed,
                "metaServers=127.0.0.1:" + registry.metaHttp(),
                "pollMillis=500", ""), StandardCharsets.UTF_8);
        return new WeftNode(dist, home, port, acvipPort, drm, registry, consoleFeed);
    }

    /** A Felix HTTP instance on a test port, named as the node's features name it. */
    private static void writeHttpInstance(Path file, String name, int port) throws IOException {
        Files.writeString(file, String.join("\n",
                "org.apache.felix.http.enable=true",
                "org.osgi.service.http.port=" + port,
                "org.apache.felix.http.host=127.0.0.1",
                "org.apache.felix.http.name=" + name,
                "org.apache.felix.http.jetty.sendServerHeader=false", ""), StandardCharsets.UTF_8);
    }

    public static int freePort() throws IOException {
        return TestPorts.next();
    }

    /** Result of a command the test ran: {@code bin/weft}, {@code jcmd} ({@link Jcmd}). */
    public record Result(int exitStatus, String output) {
    }

    /** Runs {@code bin/weft --home HOME args...} and waits for it (at most three minutes). */
    public Result weft(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(dist.resolve("bin/weft").toString(), "--home", home.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("WEFT_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("WEFT_JAVA_OPTS", "-Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        Process p = pb.start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("bin/weft " + String.join(" ", args) + " did not return within 3 minutes");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Starts the node and insists that it came up without problems and turned healthy. */
    public WeftNode start() throws IOException, InterruptedException {
        Result r = weft("start");
        if (r.exitStatus() != 0) {
            throw new IllegalStateException("bin/weft start exited " + r.exitStatus() + ": " + r.output() + "\n" + log("weft.log"));
        }
        if (!awaitHealthy()) {
            throw new IllegalStateException("node started but /health is not 200: " + http.get("/health").body());
        }
        return this;
    }

    /**
     * Waits (at most a minute) until {@code /health} answers 200 with every component running
     * (ACTIVE or SATISFIED; left-off ones NOT_CONFIGURED or DISABLED). {@code bin/weft start} returns
     * once the bundles are started; parts such as the database connect right after, and the
     * components that need them start then. A firing alert (DEGRADED) does not count against it.
     */
    public boolean awaitHealthy() throws InterruptedException {
        return await(Duration.ofSeconds(60), this::componentsRunning);
    }

    private boolean componentsRunning() {
        Http.Response health = http.get("/health");
        if (!health.ok()) {
            return false;
        }
        try {
            for (com.fasterxml.jackson.databind.JsonNode c : new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(health.body()).path("components")) {
                if (!List.of("ACTIVE", "SATISFIED", "NOT_CONFIGURED", "DISABLED").contains(c.path("state").asText())) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public Optional<Long> pid() {
        try {
            return Optional.of(Long.parseLong(Files.readString(home.resolve("data/weft.pid")).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The node's process exists and has not exited (an exited one may stay a zombie until init reaps it). */
    public boolean isAlive() {
        return pid().map(WeftNode::running).orElse(false);
    }

    /**
     * Whether the process exists and has not exited. An exited JVM that is not the test's child stays a zombie
     * until init reaps it, which {@link ProcessHandle#isAlive()} still counts as alive.
     */
    public static boolean running(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !isZombie(pid);
    }

    /** Crash: SIGKILL to the node's process, as an operator's {@code kill -9}; returns once it has exited. */
    public void kill9() throws InterruptedException {
        Optional<ProcessHandle> handle = pid().flatMap(ProcessHandle::of);
        if (handle.isPresent()) {
            handle.get().destroyForcibly();
            // Not onExit(): for a process that is not our child it waits until init reaps it, seconds later here.
            while (isAlive()) {
                Thread.sleep(10);
            }
        }
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return false; // gone, or no /proc: ProcessHandle's answer stands
        }
    }

    public Http http() {
        return http;
    }

    public Path home() {
        return home;
    }

    public int httpPort() {
        return httpPort;
    }

    /** The ports of the node's drmdata, when it runs the drm role. */
    public DrmPorts drmPorts() {
        return drmPorts;
    }

    /**
     * Sets keys of {@code conf/io.weft.drm.server.cfg}, replacing their earlier lines: before the first
     * start it seeds drmdata's configuration, on a running node the change applies live (FileInstall).
     */
    public void drmServerConfig(Map<String, String> values) throws IOException {
        configure("io.weft.drm.server", values);
    }

    /** Runs these roles (comma-separated) instead of standalone, from the next start on. */
    public void roles(String roles) throws IOException {
        configureFile(home.resolve("conf/weft.properties"), Map.of("weft.roles", roles));
    }

    /**
     * Sets keys of {@code conf/<pid>.cfg}, replacing their earlier lines: before the first start it seeds the
     * configuration, on a running node the change applies live (FileInstall).
     */
    public void configure(String pid, Map<String, String> values) throws IOException {
        configureFile(home.resolve("conf/" + pid + ".cfg"), values);
    }

    private static void configureFile(Path file, Map<String, String> values) throws IOException {
        List<String> lines = new ArrayList<>(Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of());
        for (Map.Entry<String, String> e : values.entrySet()) {
            lines.removeIf(l -> l.strip().matches(java.util.regex.Pattern.quote(e.getKey()) + "\\s*[=:].*"));
            lines.add(e.getKey() + "=" + e.getValue());
        }
        // Written aside and moved in, so FileInstall never reads half a file.
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + System.nanoTime());
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The session's console feed port (9601 in the role). */
    public int consoleFeedPort() {
        return consoleFeedPort;
    }

    /** The ports of the node's registry servers, when it runs the registry roles. */
    public RegistryPorts registryPorts() {
        return registryPorts;
    }

    /** The port of the node's ACVIP (9003 in a real node). */
    public int acvipPort() {
        return acvipPort;
    }

    public String log(String relativePath) {
        try {
            return Files.readString(home.resolve("logs").resolve(relativePath));
        } catch (IOException e) {
            return "";
        }
    }

    /** Polls until the condition holds; false when the time ran out. */
    /**
     * What {@code found} gives once it gives something (polled as {@link #await} does).
     *
     * @throws AssertionError "timed out waiting for {@code what}" when it gave nothing within {@code timeout}
     */
    public static <T> T awaitFound(Duration timeout, String what, Supplier<T> found) throws InterruptedException {
        AtomicReference<T> result = new AtomicReference<>();
        if (!await(timeout, () -> result.updateAndGet(previous -> found.get()) != null)) {
            throw new AssertionError("timed out waiting for " + what);
        }
        return result.get();
    }

    /** Stops every node; one that fails to stop is reported and the others are still stopped. */
    public static void closeAll(List<WeftNode> nodes) {
        for (WeftNode node : nodes) {
            try {
                node.close();
            } catch (Exception e) {
                System.err.println("stopping " + node.home() + ": " + e);
            }
        }
    }

    public static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(200);
        }
        return condition.getAsBoolean();
    }

    @Override
    public void close() throws Exception {
        if (isAlive()) {
            weft("stop");
        }
        if (isAlive()) {
            kill9();
        }
    }
}
