package io.weft.drm.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.weft.api.osp.RequestSigning;
import io.weft.drm.protocol.Ack;
import io.weft.drm.protocol.Register;
import io.weft.drm.protocol.SignatureAttributes;
import io.weft.drm.protocol.Subscribe;
import io.weft.drm.protocol.Subscription;

class DrmClientTest {

    private static final String TYPE = "com.example.RefreshCacheDRM:refreshCacheType";
    private static final String BATCH = "com.example.RefreshCacheDRM:batchSize";
    private static final String RATE = "com.example.RefreshCacheDRM:rate";

    @TempDir
    Path dir;

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private FakeDrmdata drmdata(String nodeId) throws Exception {
        FakeDrmdata node = new FakeDrmdata(nodeId);
        closing.add(node);
        return node;
    }

    private DrmClient.Builder client(String servers) {
        return DrmClient.builder().instanceId("acme").appName("orders").dataCenter("dc1")
                .servers(servers)
                .cacheDir(dir.resolve("cache"))
                .logDir(dir.resolve("logs"))
                .startTimeout(Duration.ofSeconds(15));
    }

    private DrmClient started(DrmClient.Builder builder, Object... resources) {
        DrmClient client = builder.build();
        closing.add(client);
        for (Object r : resources) {
            client.register(r);
        }
        client.start();
        return client;
    }

    private String log(String name) {
        Path file = dir.resolve("logs").resolve(name);
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Ack ackOf(FakeDrmdata node, String key, long version) {
        for (Ack a : node.receivedOf(Ack.class)) {
            if (a.key().equals(key) && a.version() == version) {
                return a;
            }
        }
        return null;
    }

    private static Ack lastAckOf(FakeDrmdata node, String key) {
        Ack last = null;
        for (Ack a : node.receivedOf(Ack.class)) {
            if (a.key().equals(key)) {
                last = a;
            }
        }
        return last;
    }

    private static int deadPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    @DisplayName("DRM-6, DRM-7: an annotated object gets its values at start, then every push: notify, pull, field set, callback, Ack ok")
    void annotatedObjectFollowsPushes() throws Exception {
        FakeDrmdata node = drmdata("n1");
        node.put(TYPE, 1, "GEOHASH");
        RefreshCache cache = new RefreshCache();

        started(client(node.address()), cache);

        assertEquals(RefreshCache.Mode.GEOHASH, cache.refreshCacheType, "value pulled before start returned");
        Register register = node.receivedOf(Register.class).get(0);
        assertEquals(Set.of(TYPE, BATCH, RATE),
                Set.copyOf(register.subscriptions().stream().map(Subscription::key).toList()));

        node.push(BATCH, 2, "25");
        Await.until("batchSize is 25", () -> cache.size == 25);
        Await.until("the push is acknowledged", () -> ackOf(node, BATCH, 2) != null);
        assertTrue(ackOf(node, BATCH, 2).ok());
        DrmChange change = cache.changes.get(cache.changes.size() - 1);
        assertEquals(BATCH, change.key());
        assertEquals("25", change.newValue());
        assertEquals(2, change.version());

        node.push(RATE, 3, "0.25");
        Await.until("rate set through the setter", () -> new BigDecimal("0.25").equals(cache.rate));

        for (int v = 4; v <= 8; v++) {
            node.push(BATCH, v, Integer.toString(v * 100));
        }
        Await.until("the newest batchSize", () -> cache.size == 800);
        List<Long> versions = cache.changes.stream().filter(c -> c.attribute().equals("batchSize"))
                .map(DrmChange::version).toList();
        List<Long> sorted = new ArrayList<>(versions);
        sorted.sort(null);
        assertEquals(sorted, versions, "changes of one resource arrive in version order");
    }

    @Test
    @DisplayName("DRM-7: a resource declared through the API after start is subscribed and its listener gets the value")
    void apiResourceAfterStart() throws Exception {
        FakeDrmdata node = drmdata("n1");
        node.put("com.example.Limits:maxQps", 3, "500");
        DrmClient client = started(client(node.address()));
        List<DrmChange> seen = new CopyOnWriteArrayList<>();

        DrmRegistration limits = client.register("com.example.Limits", Set.of("maxQps", "burst"), seen::add);

        Await.until("Subscribe sent", () -> !node.receivedOf(Subscribe.class).isEmpty());
        Await.until("listener called", () -> !seen.isEmpty());
        assertEquals("500", limits.value("maxQps"));
        assertEquals(3, limits.version("maxQps"));
        assertEquals(0, limits.version("burst"));
        assertEquals("com.example.Limits", seen.get(0).resourceId());
        assertEquals("maxQps", seen.get(0).attribute());
        assertEquals(null, seen.get(0).oldValue());

        node.push("com.example.Limits:maxQps", 4, "800");
        Await.until("new value", () -> "800".equals(limits.value("maxQps")));
        assertEquals("500", seen.get(seen.size() - 1).oldValue());
        assertThrows(IllegalStateException.class,
                () -> client.register("com.example.Limits", Set.of("maxQps"), c -> { }));
    }

    @Test
    @DisplayName("DRM-32: with no drmdata reachable, start returns in time with the last values from the local cache")
    void cachedValuesWhenNoServer() throws Exception {
        FakeDrmdata node = drmdata("n1");
        node.put(TYPE, 7, "FULL");
        node.put(BATCH, 8, "42");
        try (DrmClient first = client(node.address()).build()) {
            first.register(new RefreshCache());
            first.start();
        }
        assertTrue(Files.exists(dir.resolve("cache").resolve("drm-cache.json")));

        RefreshCache cache = new RefreshCache();
        DrmClient offline = client("127.0.0.1:" + deadPort()).startTimeout(Duration.ofMillis(500)).build();
        closing.add(offline);
        DrmRegistration registration = offline.register(cache);
        offline.start();

        assertEquals(RefreshCache.Mode.FULL, cache.refreshCacheType);
        assertEquals(42, cache.size);
        assertEquals(8, registration.version("batchSize"));
        assertTrue(cache.changes.stream().allMatch(DrmChange::fromCache));
        Await.until("the failed connection is logged", () -> log("common-error.log").contains("cannot connect"));
    }

    @Test
    @DisplayName("DRM-26: a value that does not convert is acknowledged as failed, logged, and the field keeps its value")
    void conversionFailure() throws Exception {
        FakeDrmdata node = drmdata("n1");
        RefreshCache cache = new RefreshCache();
        DrmClient client = started(client(node.address()), cache);

        node.push(BATCH, 2, "lots");
        Await.until("the push is acknowledged", () -> ackOf(node, BATCH, 0) != null);
        Ack ack = ackOf(node, BATCH, 0);
        assertFalse(ack.ok());
        assertTrue(ack.error().contains("lots"), ack.error());
        assertEquals(10, cache.size);
        Await.until("the error is logged", () -> log("common-error.log").contains("'lots' is not a int"));

        node.push(TYPE, 3, "sideways");
        Await.until("the enum push is acknowledged", () -> lastAckOf(node, TYPE) != null);
        assertFalse(lastAckOf(node, TYPE).ok());
        assertEquals(RefreshCache.Mode.NONE, cache.refreshCacheType);
        assertNotNull(client);
    }

    @Test
    @DisplayName("DRM-6, DRM-28: a pull no endpoint answers is tried again shortly, so the push is applied and acknowledged"
            + " without waiting for the next heartbeat")
    void failedPullIsRetried() throws Exception {
        FakeDrmdata node = drmdata("n1");
        RefreshCache cache = new RefreshCache();
        started(client(node.address()), cache); // heartbeat at its default, far beyond this test

        node.failNextPulls.set(2);
        node.push(BATCH, 2, "25");
        Await.until("batchSize is 25 after two refused pulls", () -> cache.size == 25);
        Await.until("the push is acknowledged", () -> ackOf(node, BATCH, 2) != null);
        assertTrue(ackOf(node, BATCH, 2).ok());
        assertEquals(3, node.pulls.stream().filter((BATCH + "@2")::equals).count(), "two refused pulls, then one served");
    }

    @Test
    @DisplayName("DRM-10: a version the heartbeat shows lagging is pulled")
    void heartbeatLagging() throws Exception {
        FakeDrmdata node = drmdata("n1");
        RefreshCache cache = new RefreshCache();
        started(client(node.address()).heartbeat(Duration.ofMillis(200)), cache);

        node.put(TYPE, 5, "FULL"); // written, but this client was never notified
        Await.until("the heartbeat found it lagging", () -> cache.refreshCacheType == RefreshCache.Mode.FULL);
        assertTrue(node.pulls.contains(TYPE + "@5"));
    }

    @Test
    @DisplayName("DRM-28: when its node is killed the client fails over to the other, registers again and catches up")
    void failover() throws Exception {
        FakeDrmdata a = drmdata("a");
        FakeDrmdata b = drmdata("b");
        for (FakeDrmdata n : List.of(a, b)) {
            n.put(TYPE, 1, "GEOHASH");
        }
        RefreshCache cache = new RefreshCache();
        started(client(a.address() + "," + b.address()), cache);
        assertEquals(RefreshCache.Mode.GEOHASH, cache.refreshCacheType);
        FakeDrmdata first = a.registrations.get() > 0 ? a : b;
        FakeDrmdata other = first == a ? b : a;

        first.close();
        other.put(TYPE, 2, "FULL"); // pushed while the client was moving

        Await.until("registered with the other node", () -> other.registrations.get() > 0);
        Register again = other.receivedOf(Register.class).get(0);
        assertTrue(again.subscriptions().contains(new Subscription(TYPE, 1)), "re-registration carries the held version");
        Await.until("caught up from the other node", () -> cache.refreshCacheType == RefreshCache.Mode.FULL);

        other.push(BATCH, 3, "33");
        Await.until("pushes arrive through the other node", () -> cache.size == 33);
        Await.until("two registersuccess lines", () -> log("drm-monitor.log").split("registersuccess", -1).length == 3);
    }

    @Test
    @DisplayName("DRM-6: a version older than the one held is never applied")
    void neverOlder() throws Exception {
        FakeDrmdata node = drmdata("n1");
        node.put(TYPE, 5, "FULL");
        RefreshCache cache = new RefreshCache();
        started(client(node.address()), cache);
        assertEquals(RefreshCache.Mode.FULL, cache.refreshCacheType);
        int changes = cache.changes.size();

        node.notifyOnly(TYPE, 3);
        Await.until("an old notification is acknowledged", () -> ackOf(node, TYPE, 5) != null);
        assertTrue(ackOf(node, TYPE, 5).ok(), "already held");
        assertFalse(node.pulls.contains(TYPE + "@3"), "nothing pulled for an old version");

        node.put(TYPE, 4, "GEOHASH"); // a node behind: it serves version 4 when asked for 6
        node.notifyOnly(TYPE, 6);
        Await.until("the pull is made", () -> node.pulls.contains(TYPE + "@6"));
        Await.until("the stale answer is acknowledged as failed",
                () -> lastAckOf(node, TYPE) != null && !lastAckOf(node, TYPE).ok());
        assertEquals(RefreshCache.Mode.FULL, cache.refreshCacheType);
        assertEquals(changes, cache.changes.size());
    }

    @Test
    @DisplayName("DRM-12: a client with an AccessKey signs Register with HMAC-SHA256 of instanceId and the exact timestamp")
    void signedRegister() throws Exception {
        FakeDrmdata node = drmdata("n1");
        started(client(node.address()).accessKey("AK7Q2M0XK4").secretKey("s3cret-key"), new RefreshCache());

        SignatureAttributes signature = node.receivedOf(Register.class).get(0).signature();
        assertNotNull(signature);
        assertEquals("AK7Q2M0XK4", signature.accessKey());
        assertEquals("HmacSHA256", signature.algorithm());
        assertEquals(RequestSigning.sign("s3cret-key", RequestSigning.stringToSign("acme", signature.timestamp(), "")),
                signature.signature());
        assertTrue(Math.abs(System.currentTimeMillis() - signature.timestamp()) < 600_000);
    }

    @Test
    @DisplayName("DRM-22, DRM-23: drm-boot.log lists each registered attribute, drm-monitor.log has registersuccess and updates")
    void bootAndMonitorLogs() throws Exception {
        FakeDrmdata node = drmdata("n1");
        node.put(TYPE, 2, "FULL");
        started(client(node.address()), new RefreshCache());

        String boot = log("drm-boot.log");
        for (String key : List.of(TYPE, BATCH, RATE)) {
            assertTrue(boot.matches("(?s).*\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} \\[boot\\] registered acme "
                    + java.util.regex.Pattern.quote(key) + "\\R.*"), boot);
        }
        String monitor = log("drm-monitor.log");
        assertTrue(monitor.contains("registersuccess acme server=" + node.address() + " attributes=3"), monitor);
        assertTrue(monitor.contains("update " + TYPE + " version=2"), monitor);
    }

    @Test
    @DisplayName("DRM-24, DRM-5: an empty ACVIP answer logs 'Query zdrmdata server address empty'; the client connects once ACVIP lists a node")
    void acvipEmptyThenListed() throws Exception {
        FakeDrmdata node = drmdata("n1");
        node.put(TYPE, 1, "GEOHASH");
        FakeAcvip acvip = new FakeAcvip("acme-DRM");
        closing.add(acvip);
        RefreshCache cache = new RefreshCache();
        DrmClient client = DrmClient.builder().instanceId("acme").dataCenter("dc1")
                .acvipEndpoints(acvip.endpoint())
                .cacheDir(dir.resolve("cache")).logDir(dir.resolve("logs"))
                .startTimeout(Duration.ofMillis(300)).build();
        closing.add(client);
        client.register(cache);
        client.start();

        Await.until("the empty answer is logged",
                () -> log("common-error.log").contains("Query zdrmdata server address empty"));
        acvip.nodes = List.of(node.address());
        Await.until("registered through the ACVIP address", () -> cache.refreshCacheType == RefreshCache.Mode.GEOHASH);
        assertTrue(log("drm-monitor.log").contains("registersuccess acme server=" + node.address()));
    }

    @Test
    @DisplayName("DRM-12, DRM-23: a refused registration is logged with its code as registerfail and in common-error.log")
    void refusedRegistration() throws Exception {
        FakeDrmdata node = drmdata("n1");
        node.refuseCode = "AUTH_FAILED";
        DrmClient client = client(node.address()).startTimeout(Duration.ofMillis(300)).build();
        closing.add(client);
        client.register(new RefreshCache());
        client.start();

        Await.until("registerfail logged", () -> log("drm-monitor.log").contains("registerfail acme server="
                + node.address() + " code=AUTH_FAILED"));
        Await.until("error logged", () -> log("common-error.log").contains("AUTH_FAILED refused by test"));
    }

    @Test
    @DisplayName("DRM-27: a slow callback holds neither the connection nor another resource's updates; its Ack follows its return")
    void slowCallbackIsolated() throws Exception {
        FakeDrmdata node = drmdata("n1");
        DrmClient client = started(client(node.address()));
        CountDownLatch release = new CountDownLatch(1);
        client.register("com.example.Slow", Set.of("mode"), c -> release.await(60, TimeUnit.SECONDS));
        List<DrmChange> fast = new CopyOnWriteArrayList<>();
        client.register("com.example.Fast", Set.of("mode"), fast::add);
        Await.until("both subscribed", () -> node.receivedOf(Subscribe.class).stream()
                .mapToInt(s -> s.subscriptions().size()).sum() == 2);

        node.push("com.example.Slow:mode", 1, "GEOHASH");
        Await.until("the slow callback runs", () -> node.pulls.contains("com.example.Slow:mode@1"));
        node.push("com.example.Fast:mode", 1, "ON");
        Await.until("the other resource is updated meanwhile", () -> !fast.isEmpty());
        Await.until("and acknowledged", () -> ackOf(node, "com.example.Fast:mode", 1) != null);
        assertEquals(null, ackOf(node, "com.example.Slow:mode", 1), "no Ack before the callback returns");

        release.countDown();
        Await.until("the slow one is acknowledged once its callback returned",
                () -> ackOf(node, "com.example.Slow:mode", 1) != null);
        assertTrue(ackOf(node, "com.example.Slow:mode", 1).ok());
    }

    @Test
    @DisplayName("DRM-27: a callback that throws is acknowledged as failed with its message")
    void throwingCallback() throws Exception {
        FakeDrmdata node = drmdata("n1");
        DrmClient client = started(client(node.address()));
        client.register("com.example.Broken", Set.of("mode"), c -> {
            throw new IllegalStateException("cannot rebuild the cache");
        });
        Await.until("subscribed", () -> !node.receivedOf(Subscribe.class).isEmpty());

        node.push("com.example.Broken:mode", 1, "GEOHASH");
        Await.until("acknowledged", () -> lastAckOf(node, "com.example.Broken:mode") != null);
        Ack ack = lastAckOf(node, "com.example.Broken:mode");
        assertFalse(ack.ok());
        assertTrue(ack.error().contains("cannot rebuild the cache"), ack.error());
        Await.until("logged", () -> log("common-error.log").contains("cannot rebuild the cache"));
    }

    @Test
    @DisplayName("close() ends the connection and leaves no weft-drm thread")
    void closeLeavesNoThread() throws Exception {
        FakeDrmdata node = drmdata("n1");
        node.put(TYPE, 1, "FULL");
        DrmClient client = client(node.address()).build();
        client.register(new RefreshCache());
        client.start();
        Await.until("connected", () -> node.connectedClients() == 1);

        client.close();

        Await.until("the node sees the connection closed", () -> node.connectedClients() == 0);
        Await.until("no weft-drm thread left", () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("weft-drm")));
        assertThrows(IllegalStateException.class, () -> client.register(new RefreshCache()));
    }

    @Test
    @DisplayName("DRM-25: a class without @DrmResource, or with an unsupported attribute type, is refused with a clear error")
    void badDeclarations() {
        DrmClient client = client("127.0.0.1:9880").build();
        closing.add(client);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client.register(new Object()));
        assertTrue(e.getMessage().contains("@DrmResource"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> client.register(new BadType()));
        assertTrue(e.getMessage().contains("java.util.List"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> DrmClient.builder().instanceId("acme").build());
    }

    @DrmResource(id = "com.example.Bad")
    static class BadType {
        @DrmAttribute
        List<String> names;
    }
}
