package io.weft.drm.server.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.drm.protocol.Ack;
import io.weft.drm.protocol.DrmMessage;
import io.weft.drm.protocol.ErrorReply;
import io.weft.drm.protocol.Heartbeat;
import io.weft.drm.protocol.HeartbeatAck;
import io.weft.drm.protocol.Holders;
import io.weft.drm.protocol.HoldersQuery;
import io.weft.drm.protocol.Notify;
import io.weft.drm.protocol.Publish;
import io.weft.drm.protocol.PublishAck;
import io.weft.drm.protocol.Registered;
import io.weft.drm.protocol.Subscription;
import io.weft.drm.protocol.VersionNotice;
import io.weft.drm.server.sync.SyncClient;

class DrmDataServerTest {

    static final String INSTANCE = "acme";
    static final String KEY = "com.example.Cache:mode";
    static final String KEY2 = "com.example.Cache:size";

    private final FakeDrmStore store = new FakeDrmStore();
    private final List<DrmDataServer> servers = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        servers.forEach(DrmDataServer::stop);
    }

    private DrmDataServer start(UnaryOperator<Settings> tune) {
        DrmDataServer s = new DrmDataServer(store, TestVerifier::new, tune.apply(Settings.defaults(0, 0)),
                Clock.systemUTC());
        servers.add(s);
        s.start();
        return s;
    }

    private DrmDataServer start() {
        return start(s -> s);
    }

    private <T extends AutoCloseable> T closing(T c) {
        closeables.add(c);
        return c;
    }

    private TestClient registered(DrmDataServer server, String zone, List<Subscription> subs) throws Exception {
        TestClient c = closing(new TestClient(server.clientPort()));
        c.send(TestClient.register(INSTANCE, zone, TestVerifier.sign(INSTANCE, TestVerifier.SECRET), subs));
        Registered r = c.read(Registered.class);
        assertTrue(r.ok(), () -> "registration refused: " + r);
        return c;
    }

    private DrmMessage publish(DrmDataServer server, boolean relay) throws Exception {
        SyncClient sync = closing(new SyncClient("test-sync", 1 << 20));
        return sync.request("127.0.0.1", server.syncPort(),
                new Publish(42, INSTANCE, KEY, store.find(INSTANCE, KEY).get().version(), null, relay, "console-test"),
                Duration.ofSeconds(10)).get();
    }

    @Test
    @DisplayName("DRM-12, DRM-7: a signed client registers, gets versions, pull endpoints and a token; app-auth and container lines")
    void signedClientRegisters() throws Exception {
        store.declare(INSTANCE, List.of(KEY));
        store.push(INSTANCE, KEY, "GEOHASH");
        DrmDataServer server = start();
        try (LogCapture auth = LogCapture.of("drmdata.auth"); LogCapture container = LogCapture.of("drmdata.container");
                TestClient c = new TestClient(server.clientPort())) {
            c.send(TestClient.register(INSTANCE, "GZ00B", TestVerifier.sign(INSTANCE, TestVerifier.SECRET),
                    List.of(new Subscription(KEY, 0), new Subscription(KEY2, 0))));
            Registered r = c.read(Registered.class);
            assertTrue(r.ok());
            assertEquals(List.of(new VersionNotice(KEY, 1), new VersionNotice(KEY2, 0)), r.versions());
            assertEquals(server.nodeId(), r.pullEndpoints().get(0).nodeId());
            assertEquals("http://127.0.0.1:8880", r.pullEndpoints().get(0).baseUrl());
            assertFalse(r.pullToken().isEmpty());
            assertEquals(30, r.heartbeatSeconds());
            assertEquals("Y;acme;127.0.0.1;AK-test;signed;ok", auth.await(l -> l.contains(";acme;")));
            assertEquals("register;acme;test-app;127.0.0.1;GZ00B;2;ok", container.await(l -> l.startsWith("register;")));
            assertTrue(store.find(INSTANCE, KEY2).isPresent(), "DRM-22: registered attributes are declared");
            c.close();
            String unregister = container.await(l -> l.startsWith("unregister;"));
            assertTrue(unregister.matches("unregister;acme;test-app;127\\.0\\.0\\.1;GZ00B;\\d+s"), unregister);
        }
    }

    @Test
    @DisplayName("DRM-12: a bad signature is refused with AUTH_FAILED, logged in app-auth, and the connection closed")
    void badSignatureRefused() throws Exception {
        DrmDataServer server = start();
        try (LogCapture auth = LogCapture.of("drmdata.auth"); TestClient c = new TestClient(server.clientPort())) {
            c.send(TestClient.register(INSTANCE, "", TestVerifier.sign(INSTANCE, "wrong-secret"),
                    List.of(new Subscription(KEY, 0))));
            Registered r = c.read(Registered.class);
            assertFalse(r.ok());
            assertEquals("AUTH_FAILED", r.errorCode());
            assertTrue(c.closedByServer());
            String line = auth.await(l -> l.contains(";acme;"));
            assertTrue(line.startsWith("N;acme;127.0.0.1;AK-test;signed;BAD_SIGNATURE"), line);
        }
    }

    @Test
    @DisplayName("DRM-12: an unsigned client from loopback is accepted when allowed and logged unsigned")
    void unsignedLoopbackAccepted() throws Exception {
        DrmDataServer server = start();
        try (LogCapture auth = LogCapture.of("drmdata.auth"); TestClient c = new TestClient(server.clientPort())) {
            c.send(TestClient.register(INSTANCE, "", null, List.of(new Subscription(KEY, 0))));
            assertTrue(c.read(Registered.class).ok());
            assertEquals("Y;acme;127.0.0.1;-;unsigned;ok", auth.await(l -> l.contains(";acme;")));
        }
    }

    @Test
    @DisplayName("DRM-12: an unsigned client is refused when unsignedFromLoopback is off")
    void unsignedRefusedWhenNotAllowed() throws Exception {
        DrmDataServer server = start(s -> s.withSignature(true, false));
        try (LogCapture auth = LogCapture.of("drmdata.auth"); TestClient c = new TestClient(server.clientPort())) {
            c.send(TestClient.register(INSTANCE, "", null, List.of(new Subscription(KEY, 0))));
            Registered r = c.read(Registered.class);
            assertEquals("AUTH_FAILED", r.errorCode());
            assertTrue(c.closedByServer());
            assertTrue(auth.await(l -> l.contains(";acme;")).startsWith("N;acme;127.0.0.1;-;unsigned;"));
        }
    }

    @Test
    @DisplayName("DRM-12, DRM-26: sending anything before registering is answered NOT_REGISTERED and closed")
    void notRegistered() throws Exception {
        DrmDataServer server = start();
        try (TestClient c = new TestClient(server.clientPort())) {
            c.send(new Heartbeat(7, List.of()));
            assertEquals("NOT_REGISTERED", c.read(ErrorReply.class).code());
            assertTrue(c.closedByServer());
        }
    }

    @Test
    @DisplayName("DRM-6, DRM-9, DRM-20: a publish notifies the client; its ack writes [push]instanceId;key;ip;0")
    void notifyAckPushLine() throws Exception {
        store.declare(INSTANCE, List.of(KEY));
        DrmDataServer server = start();
        try (LogCapture push = LogCapture.of("drmdata.push")) {
            TestClient c = registered(server, "GZ00B", List.of(new Subscription(KEY, 0)));
            store.push(INSTANCE, KEY, "GEOHASH");
            PublishAck ack = assertInstanceOf(PublishAck.class, publish(server, false));
            assertEquals(1, ack.notifiedClients());
            Notify n = c.read(Notify.class);
            assertEquals(KEY, n.key());
            assertEquals(1, n.version());
            c.send(new Ack(n.pushId(), KEY, 1, true, null));
            assertEquals("[push]acme;com.example.Cache:mode;127.0.0.1;0", push.await(l -> l.startsWith("[push]")));
            awaitTrue(() -> server.metrics().pushesOk() == 1);
            // The holder now holds version 1, as the console's subscriber list shows.
            SyncClient sync = closing(new SyncClient("test-holders", 1 << 20));
            Holders h = (Holders) sync.request("127.0.0.1", server.syncPort(), new HoldersQuery(5, INSTANCE, KEY),
                    Duration.ofSeconds(10)).get();
            assertEquals(1, h.holders().size());
            assertEquals(1, h.holders().get(0).version());
        }
    }

    @Test
    @DisplayName("DRM-9, DRM-20: a client that never acknowledges is logged ;1 after the ack timeout")
    void ackTimeout() throws Exception {
        store.declare(INSTANCE, List.of(KEY));
        DrmDataServer server = start(s -> s.withTimings(30, 300, 1000));
        try (LogCapture push = LogCapture.of("drmdata.push")) {
            TestClient c = registered(server, "", List.of(new Subscription(KEY, 0)));
            store.push(INSTANCE, KEY, "v1");
            publish(server, false);
            c.read(Notify.class);
            assertEquals("[push]acme;com.example.Cache:mode;127.0.0.1;1", push.await(l -> l.startsWith("[push]")));
            awaitTrue(() -> server.metrics().pushesFailed() == 1);
        }
    }

    @Test
    @DisplayName("DRM-10, DRM-11, DRM-18: a heartbeat with a lagging version is answered with it and logged N;..;tcp")
    void heartbeatLag() throws Exception {
        store.declare(INSTANCE, List.of(KEY, KEY2));
        store.push(INSTANCE, KEY, "a");
        store.push(INSTANCE, KEY, "b");
        DrmDataServer server = start();
        try (LogCapture hb = LogCapture.of("drmdata.heartbeat")) {
            TestClient c = registered(server, "GZ00B", List.of(new Subscription(KEY, 0), new Subscription(KEY2, 0)));
            c.send(new Heartbeat(9, List.of(new Subscription(KEY, 1), new Subscription(KEY2, 0))));
            HeartbeatAck ack = c.read(HeartbeatAck.class);
            assertEquals(List.of(new VersionNotice(KEY, 2)), ack.lagging());
            assertFalse(ack.pullToken().isEmpty());
            String line = hb.await(l -> l.startsWith("N;"));
            assertTrue(line.matches("N;\\d+ms;GZ00B;acme;127\\.0\\.0\\.1;2;1;tcp"), line);
            c.send(new Heartbeat(10, List.of(new Subscription(KEY, 2), new Subscription(KEY2, 0))));
            assertTrue(c.read(HeartbeatAck.class).lagging().isEmpty());
            String ok = hb.await(l -> l.startsWith("Y;"));
            assertTrue(ok.matches("Y;\\d+ms;GZ00B;acme;127\\.0\\.0\\.1;2;0;tcp"), ok);
        }
    }

    @Test
    @DisplayName("DRM-32: a malformed or oversized frame closes only that connection; the others keep being served")
    void badFramesCloseOnlyTheirConnection() throws Exception {
        store.declare(INSTANCE, List.of(KEY));
        DrmDataServer server = start(s -> s.withLimits(4096, 20000, 5000));
        TestClient good = registered(server, "", List.of(new Subscription(KEY, 0)));
        try (TestClient bad = new TestClient(server.clientPort())) {
            bad.writeRaw("{\"type\":\"register\",\"instanceId\":".getBytes(StandardCharsets.UTF_8));
            assertEquals("MALFORMED_FRAME", bad.read(ErrorReply.class).code());
            assertTrue(bad.closedByServer());
        }
        try (TestClient big = new TestClient(server.clientPort())) {
            big.writeBytes(new byte[] {0, 1, 0, 0}); // announces 65536 bytes > 4096
            assertEquals("FRAME_TOO_LARGE", big.read(ErrorReply.class).code());
            assertTrue(big.closedByServer());
        }
        good.send(new Heartbeat(3, List.of(new Subscription(KEY, 0))));
        assertEquals(3, good.read(HeartbeatAck.class).requestId());
    }

    @Test
    @DisplayName("DRM-8, DRM-32: a change the node was not told about is caught up from the store and notified")
    void catchUpFromStore() throws Exception {
        store.declare(INSTANCE, List.of(KEY));
        DrmDataServer server = start();
        try (LogCapture sync = LogCapture.of("drmdata.sync")) {
            TestClient c = registered(server, "", List.of(new Subscription(KEY, 0)));
            store.push(INSTANCE, KEY, "missed broadcast");
            server.catchUpNow();
            Notify n = c.read(Notify.class);
            assertEquals(1, n.version());
            assertEquals("catchup;acme;com.example.Cache:mode;1", sync.await(l -> l.startsWith("catchup;")));
        }
    }

    @Test
    @DisplayName("DRM-6, DRM-8: a publish with relay reaches a second node's clients; both sides log it in drmdata-sync")
    void relayToSecondNode() throws Exception {
        store.declare(INSTANCE, List.of(KEY));
        DrmDataServer a = start();
        DrmDataServer b = start();
        a.nodeHeartbeatNow();
        b.nodeHeartbeatNow();
        try (LogCapture sync = LogCapture.of("drmdata.sync")) {
            TestClient onB = registered(b, "", List.of(new Subscription(KEY, 0)));
            store.push(INSTANCE, KEY, "v1");
            PublishAck ack = assertInstanceOf(PublishAck.class, publish(a, true));
            assertEquals(1, ack.relayedTo());
            assertEquals(0, ack.relayFailures());
            assertEquals(1, ack.notifiedClients());
            assertEquals(1, onB.read(Notify.class).version());
            sync.await(l -> l.equals("receive;console-test;acme;com.example.Cache:mode;1;true"));
            sync.await(l -> l.equals("receive;console-test;acme;com.example.Cache:mode;1;false"));
            sync.await(l -> l.equals("relay;" + b.nodeId() + ";ok"));
        }
    }

    @Test
    @DisplayName("DRM-28: a relay to a node that is down counts as a failure and the publish still answers")
    void relayToDeadNode() throws Exception {
        store.declare(INSTANCE, List.of(KEY));
        DrmDataServer a = start();
        DrmDataServer b = start();
        a.nodeHeartbeatNow();
        b.nodeHeartbeatNow();
        String bId = b.nodeId();
        b.stop();
        // b's row is gone after a clean stop; put a fresh one back as a crashed node leaves it
        store.heartbeatNode(new io.weft.drm.server.store.NodeRow(bId, "127.0.0.1", 1, 1, "http://127.0.0.1:1", "dc1",
                "", System.currentTimeMillis(), 0));
        try (LogCapture sync = LogCapture.of("drmdata.sync")) {
            store.push(INSTANCE, KEY, "v1");
            PublishAck ack = assertInstanceOf(PublishAck.class, publish(a, true));
            assertEquals(0, ack.relayedTo());
            assertEquals(1, ack.relayFailures());
            assertTrue(sync.await(l -> l.startsWith("relay;" + bId + ";fail:")).length() > 0);
        }
    }

    @Test
    @DisplayName("DRM-19, DRM-21: the monitor writes one zone line with the seed's format and one line per pool")
    void monitorLines() throws Exception {
        store.declare(INSTANCE, List.of(KEY, KEY2));
        DrmDataServer server = start();
        registered(server, "GZ00B", List.of(new Subscription(KEY, 0), new Subscription(KEY2, 0)));
        registered(server, "GZ00B", List.of(new Subscription(KEY, 0)));
        registered(server, "", List.of(new Subscription(KEY, 0)));
        try (LogCapture monitor = LogCapture.of("drmdata.monitor"); LogCapture pools = LogCapture.of("drmdata.threadpool")) {
            server.monitorNow();
            assertEquals(List.of("[monitorZone]3;DEFAULT_ZONE;1;1;1;", "[monitorZone]3;GZ00B;1;2;2;"),
                    monitor.lines());
            List<String> poolLines = pools.lines();
            assertEquals(4, poolLines.size(), poolLines::toString);
            for (String l : poolLines) {
                assertTrue(l.matches("weft-drm-[a-z]+,\\d+,\\d+,\\d+,\\d+"), l);
            }
        }
    }

    @Test
    @DisplayName("DRM-2: connections over maxConnections are refused, the node keeps serving the others")
    void maxConnections() throws Exception {
        DrmDataServer server = start(s -> s.withLimits(1 << 20, 1, 5000));
        TestClient first = registered(server, "", List.of(new Subscription(KEY, 0)));
        try (TestClient second = new TestClient(server.clientPort())) {
            assertEquals("UNAVAILABLE", second.read(ErrorReply.class).code());
            assertTrue(second.closedByServer());
        }
        first.send(new Heartbeat(4, List.of()));
        assertEquals(4, first.read(HeartbeatAck.class).requestId());
    }

    @Test
    @DisplayName("DRM-29: stop closes both ports and every connection, and removes the node row")
    void stopReleasesEverything() throws Exception {
        DrmDataServer server = start();
        TestClient c = registered(server, "", List.of(new Subscription(KEY, 0)));
        int port = server.clientPort();
        assertEquals(1, store.nodes().size());
        server.stop();
        assertTrue(c.closedByServer());
        assertTrue(store.nodes().isEmpty());
        try (java.net.ServerSocket reuse = new java.net.ServerSocket()) {
            reuse.bind(new java.net.InetSocketAddress("127.0.0.1", port));
        }
        // The other tests' nodes were stopped after each of them: no drmdata thread may be left.
        awaitTrue(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().matches("weft-drm-(io|worker|timer|relay)-\\d+")));
    }

    @Test
    @DisplayName("DRM-10: a client silent for three heartbeat periods is disconnected and unregistered")
    void silentClientClosed() throws Exception {
        DrmDataServer server = start(s -> s.withTimings(1, 10000, 1000));
        try (LogCapture container = LogCapture.of("drmdata.container")) {
            TestClient c = registered(server, "", List.of(new Subscription(KEY, 0)));
            assertTrue(c.closedByServer());
            container.await(l -> l.startsWith("unregister;acme;"));
            awaitTrue(() -> server.sessions().isEmpty());
        }
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(20);
        }
    }
}
