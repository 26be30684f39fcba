package io.weft.itest.drm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import io.weft.drm.client.DrmChange;
import io.weft.drm.client.DrmClient;
import io.weft.drm.client.DrmRegistration;
import io.weft.itest.support.DrmClientHome;
import io.weft.itest.support.DrmConsole;
import io.weft.itest.support.NotifyDroppingProxy;
import io.weft.itest.support.WeftNode;

/**
 * Two drmdata nodes (two standalone nodes, each running drm and the console's DrmAdmin) sharing one
 * database, the Derby network server node B runs, and 50 clients in the test JVM, each its own
 * {@link DrmClient}: a push reaches all of them, kill -9 of a node moves its clients to the other, whose
 * console's push reaches all again; a client that misses a notification catches up through its heartbeat
 * (DRM-10); a client closed during a push starts again from its local cache, then gets the latest value.
 * The methods run in order on the same two nodes. Convergence times are printed, never asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DrmClusterTest {

    private static final int CLIENTS = 50;
    private static final String RESOURCE = "io.weft.itest.Fleet";
    private static final String KEY = RESOURCE + ":level";
    private static final Duration CONVERGE = Duration.ofSeconds(60);
    private static final String MASTER_KEY = "data/osp/master.key";
    private static final Pattern LAGGING_LINE = Pattern.compile(
            "^\\S+ \\S+ N;\\d+ms;[^;]*;default;127\\.0\\.0\\.1;\\d+;([1-9]\\d*);tcp$", Pattern.MULTILINE);

    private WeftNode a;
    private WeftNode b;
    private final List<Fleet> fleet = new ArrayList<>();
    private final List<AutoCloseable> closeLast = new ArrayList<>();

    /** One application instance: its client and when each version reached its listener. */
    private record Fleet(DrmClient client, DrmRegistration registration, Map<Long, Long> arrivedNanos) {
        long version() {
            return registration.version("level");
        }
    }

    @BeforeAll
    void startTwoNodesOnOneDatabase() throws Exception {
        int derbyPort = WeftNode.freePort();
        a = WeftNode.create("drm-cluster-a");
        b = WeftNode.create("drm-cluster-b");
        // B runs the database (the Derby network server), so that it outlives A's kill -9: in production the
        // database is a server of its own that no drmdata node takes down with it.
        writeConfig(b, "io.weft.store.derbyserver", Map.of("host", "127.0.0.1", "port", Integer.toString(derbyPort)));
        for (WeftNode n : List.of(a, b)) {
            useNetworkDerby(n, derbyPort);
            n.drmServerConfig(Map.of("heartbeatSeconds", "2"));
        }
        b.start();
        assertTrue(WeftNode.await(Duration.ofSeconds(30), () -> Files.exists(b.home().resolve(MASTER_KEY))),
                "B's OSP creates its master key");
        // docs/osp.md: nodes sharing one database share data/osp/master.key; copied as an operator does.
        Path aKey = a.home().resolve(MASTER_KEY);
        Files.createDirectories(aKey.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.copy(b.home().resolve(MASTER_KEY), aKey);
        Files.setPosixFilePermissions(aKey, PosixFilePermissions.fromString("rw-------"));
        a.start();
        assertTrue(WeftNode.await(Duration.ofSeconds(30), () -> nodesPage(a).contains("2 of 2 live")),
                "both drmdata nodes are live in the shared database: " + nodesPage(a));
    }

    @AfterAll
    void stopEverything() throws Exception {
        ExecutorService closer = Executors.newFixedThreadPool(8);
        for (Fleet f : fleet) {
            closer.submit(() -> f.client().close());
        }
        closer.shutdown();
        closer.awaitTermination(60, TimeUnit.SECONDS);
        for (AutoCloseable c : closeLast) {
            c.close();
        }
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("DRM-6, DRM-8, DRM-28, DRM-30, DRM-32: 50 clients on two drmdata nodes sharing one database all get a"
            + " push from A's console; after kill -9 of A, a push on B's console reaches all 50 (A's clients fail over)")
    void fiftyClientsFollowPushesThroughAKill9() throws Exception {
        ExecutorService starter = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Fleet>> started = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String servers = i % 2 == 0 ? DrmClientHome.servers(a, b) : DrmClientHome.servers(b, a);
            String name = "fleet-" + i;
            started.add(starter.submit(() -> startFleetClient(name, servers)));
        }
        for (Future<Fleet> f : started) {
            fleet.add(f.get(60, TimeUnit.SECONDS));
        }
        starter.shutdown();
        assertTrue(WeftNode.await(CONVERGE, () -> connections(a) + connections(b) >= CLIENTS),
                "all 50 registered: A " + connections(a) + ", B " + connections(b));
        int onA = connections(a);
        System.out.printf("DrmClusterTest: %d clients on A, %d on B%n", onA, connections(b));
        assertTrue(onA > 0, "some clients are on A (the server list is shuffled per client)");

        DrmConsole.Outcome v1 = pushAndConverge(a, "v1", "push on A's console, both nodes up");

        a.kill9();
        assertTrue(!a.isAlive(), "A is gone");
        DrmConsole.Outcome v2 = pushAndConverge(b, "v2", "push on B's console after kill -9 of A");
        assertTrue(v2.version() > v1.version(), v2.body());
        assertTrue(WeftNode.await(CONVERGE, () -> connections(b) >= CLIENTS),
                "every client is now on B: " + connections(b));
    }

    @Test
    @Order(2)
    @DisplayName("DRM-9, DRM-20, DRM-27: a client whose callback throws acknowledges the push as failed ('1' in"
            + " drmdata-push.log) and still holds the new value; its next change is acknowledged as done")
    void failingCallbackIsAcknowledgedAsFailed() throws Exception {
        String key = "io.weft.itest.Flaky:level";
        AtomicBoolean failNext = new AtomicBoolean(true);
        List<DrmChange> seen = new CopyOnWriteArrayList<>();
        DrmClientHome home = DrmClientHome.create("flaky");
        DrmClient client = home.builder(b).build();
        closeLast.add(client);
        DrmRegistration reg = client.register("io.weft.itest.Flaky", Set.of("level"), change -> {
            seen.add(change);
            if (failNext.getAndSet(false)) {
                throw new IllegalStateException("the application's callback failed once");
            }
        });
        client.start();
        assertTrue(WeftNode.await(CONVERGE, () -> home.registrations() >= 1), home.log("drm-monitor.log"));

        DrmConsole.Outcome first = DrmConsole.of(b).push("default", key, "first");
        assertTrue(first.ok(), first.body());
        assertTrue(WeftNode.await(CONVERGE, () -> b.log("drmdata/drmdata-push.log")
                .contains("[push]default;" + key + ";127.0.0.1;1")), "the failed callback is acknowledged as 1: "
                + b.log("drmdata/drmdata-push.log"));
        assertEquals("first", reg.value("level"), "the value is held even though the callback failed");
        assertTrue(home.log("common-error.log").contains("the application's callback failed once"),
                home.log("common-error.log"));

        DrmConsole.Outcome second = DrmConsole.of(b).push("default", key, "second");
        assertTrue(second.ok(), second.body());
        assertTrue(WeftNode.await(CONVERGE, () -> b.log("drmdata/drmdata-push.log")
                .contains("[push]default;" + key + ";127.0.0.1;0")), b.log("drmdata/drmdata-push.log"));
        assertEquals("second", reg.value("level"));
        assertEquals(second.version(), reg.version("level"));
        assertEquals(List.of(first.version(), second.version()), seen.stream().map(DrmChange::version).toList());
    }

    @Test
    @Order(3)
    @DisplayName("DRM-10, DRM-11, DRM-18: a client that never received a push's notification (lost on the way) is"
            + " told by its next heartbeat answer: drmdata-heartbeat.log shows it lagging, and it ends with the latest value")
    void missedNotificationIsCaughtUpByTheHeartbeat() throws Exception {
        String key = "io.weft.itest.Lossy:level";
        NotifyDroppingProxy proxy = new NotifyDroppingProxy(b.drmPorts().client());
        closeLast.add(proxy);
        DrmClientHome home = DrmClientHome.create("lossy");
        DrmClient client = home.builder(proxy.address()).build();
        closeLast.add(client);
        DrmRegistration reg = client.register("io.weft.itest.Lossy", Set.of("level"), change -> { });
        client.start();
        assertTrue(WeftNode.await(CONVERGE, () -> home.registrations() >= 1), home.log("drm-monitor.log"));
        DrmConsole.Outcome before = DrmConsole.of(b).push("default", key, "seen");
        assertTrue(before.ok(), before.body());
        assertTrue(WeftNode.await(CONVERGE, () -> "seen".equals(reg.value("level"))), String.valueOf(reg.value("level")));

        proxy.dropNextNotifies(1);
        long sent = System.nanoTime();
        DrmConsole.Outcome missed = DrmConsole.of(b).push("default", key, "missed");
        assertTrue(missed.ok(), missed.body());
        assertTrue(WeftNode.await(CONVERGE, () -> missed.version() == reg.version("level")),
                "the client ends with the latest version " + missed.version() + ", holds " + reg.version("level"));
        System.out.printf("DrmClusterTest: a lost notification was made good by the heartbeat after %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
        assertEquals("missed", reg.value("level"));
        assertEquals(1, proxy.dropped(), "the notification was really lost on the way");
        Matcher lagging = LAGGING_LINE.matcher(b.log("drmdata/drmdata-heartbeat.log"));
        assertTrue(lagging.find(), "a heartbeat line with a lagging count > 0: " + b.log("drmdata/drmdata-heartbeat.log"));
    }

    @Test
    @Order(4)
    @DisplayName("DRM-32: a client closed during a push and started again with the same cache folder starts with the"
            + " cached value, then gets the latest")
    void clientClosedDuringAPushStartsFromItsCacheThenCatchesUp() throws Exception {
        String key = "io.weft.itest.Restarted:level";
        DrmClientHome home = DrmClientHome.create("restarted");
        DrmClient first = home.builder(b).build();
        closeLast.add(first);
        DrmRegistration reg = first.register("io.weft.itest.Restarted", Set.of("level"), change -> { });
        first.start();
        assertTrue(WeftNode.await(CONVERGE, () -> home.registrations() >= 1), home.log("drm-monitor.log"));
        DrmConsole.Outcome cached = DrmConsole.of(b).push("default", key, "cached");
        assertTrue(cached.ok(), cached.body());
        assertTrue(WeftNode.await(CONVERGE, () -> cached.version() == reg.version("level")), "v " + reg.version("level"));

        // Closed while the console pushes: the push is stored, the client is gone before or as it is notified.
        ExecutorService pusher = Executors.newSingleThreadExecutor();
        Future<DrmConsole.Outcome> latest = pusher.submit(() -> DrmConsole.of(b).push("default", key, "latest"));
        first.close();
        DrmConsole.Outcome pushed = latest.get(30, TimeUnit.SECONDS);
        pusher.shutdown();
        assertTrue(pushed.ok(), pushed.body());

        List<DrmChange> changes = new CopyOnWriteArrayList<>();
        // The application restarts; its first server is dead (A), the client moves on to B by itself.
        DrmClient second = home.builder(DrmClientHome.servers(a, b)).build();
        closeLast.add(second);
        DrmRegistration again = second.register("io.weft.itest.Restarted", Set.of("level"), changes::add);
        second.start();
        assertTrue(WeftNode.await(CONVERGE, () -> pushed.version() == again.version("level")),
                "the restarted client gets the latest version " + pushed.version() + ": " + changes);
        assertEquals("latest", again.value("level"));
        DrmChange firstChange = changes.get(0);
        if (firstChange.version() == cached.version()) {
            assertTrue(firstChange.fromCache(), "the first value came from the local cache: " + changes);
            assertEquals("cached", firstChange.newValue());
        } else {
            // The close came after the client had applied (and cached) the latest value already.
            assertEquals(pushed.version(), firstChange.version(), changes.toString());
            assertTrue(firstChange.fromCache(), changes.toString());
        }
        assertTrue(changes.stream().anyMatch(c -> c.fromCache()), "started from the cache: " + changes);
    }

    /** A client of the fleet; returns once it registered (or its start timeout passed). */
    private static Fleet startFleetClient(String name, String servers) {
        DrmClientHome home = DrmClientHome.create(name);
        DrmClient client = home.builder(servers).build();
        Map<Long, Long> arrived = new ConcurrentHashMap<>();
        DrmRegistration reg = client.register(RESOURCE, Set.of("level"),
                change -> arrived.putIfAbsent(change.version(), System.nanoTime()));
        client.start();
        return new Fleet(client, reg, arrived);
    }

    /** Pushes {@code value} on the node's console and waits until every fleet client holds it; prints how long. */
    private DrmConsole.Outcome pushAndConverge(WeftNode node, String value, String what) throws InterruptedException {
        long sent = System.nanoTime();
        DrmConsole.Outcome pushed = DrmConsole.of(node).push("default", KEY, value);
        assertTrue(pushed.ok(), pushed.body());
        long version = pushed.version();
        boolean all = WeftNode.await(CONVERGE, () -> fleet.stream().allMatch(f -> f.version() >= version));
        long lagging = fleet.stream().filter(f -> f.version() < version).count();
        assertTrue(all, lagging + " of " + CLIENTS + " clients lack version " + version + " (" + what + ")");
        assertTrue(fleet.stream().allMatch(f -> value.equals(f.registration().value("level"))));
        List<Long> millis = new ArrayList<>();
        for (Fleet f : fleet) {
            Long at = f.arrivedNanos().get(version);
            if (at != null) {
                millis.add(TimeUnit.NANOSECONDS.toMillis(at - sent));
            }
        }
        millis.sort(null);
        System.out.printf("DrmClusterTest: %s: version %d reached %d clients; p50 %d ms, max %d ms after the POST%n",
                what, version, millis.size(), millis.get(millis.size() / 2), millis.get(millis.size() - 1));
        return pushed;
    }

    /** Clients connected to a node: its registrations minus its unregistrations in drmdata-container.log. */
    private static int connections(WeftNode node) {
        String log = node.log("drmdata/drmdata-container.log");
        long in = log.lines().filter(l -> l.contains(" register;default;") && l.endsWith(";ok")).count();
        long out = log.lines().filter(l -> l.contains(" unregister;default;")).count();
        return (int) (in - out);
    }

    private static String nodesPage(WeftNode node) {
        return node.http().getAsAdmin(DrmConsole.PAGE).body();
    }

    private static void useNetworkDerby(WeftNode node, int port) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", "weft");
        values.put("type", "network-derby");
        values.put("host", "127.0.0.1");
        values.put("port", Integer.toString(port));
        values.put("database", "weft");
        values.put("retryMaxDelaySeconds", "2");
        writeConfig(node, "io.weft.store.database-weft", values);
    }

    private static void writeConfig(WeftNode node, String pid, Map<String, String> values) throws IOException {
        Properties p = new Properties();
        p.putAll(values);
        StringWriter text = new StringWriter();
        p.store(text, "written by " + DrmClusterTest.class.getSimpleName());
        Files.writeString(node.home().resolve("conf").resolve(pid + ".cfg"), text.toString(), StandardCharsets.UTF_8);
    }
}
