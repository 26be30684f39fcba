package io.weft.drm.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.api.drm.PushResult;
import io.weft.api.drm.Subscribers;
import io.weft.drm.protocol.Holders;
import io.weft.drm.protocol.Publish;
import io.weft.drm.server.store.DrmTestDatabase;
import io.weft.drm.server.store.JdbcDrmStore;
import io.weft.drm.server.store.NodeRow;
import io.weft.drm.server.sync.SyncClient;
import io.weft.testing.MutableClock;

/** The console's announcements over real TCP: the sync client against stand-ins of drmdata's sync port. */
class AnnounceOverSyncTest {

    private static final String I = "acme-prod";
    private static final String K = "com.example.RefreshCacheDRM:refreshCacheType";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private DrmTestDatabase db;
    private JdbcDrmStore store;
    private SyncClient client;
    private LocalDrmAdmin admin;

    @BeforeEach
    void setUp() throws Exception {
        db = DrmTestDatabase.migratedDerby();
        store = db.store(clock);
        client = new SyncClient("weft-drm-test-sync", 1 << 20);
        // A silent node costs each test this long; an answering one must answer within it even on a loaded
        // 2-core CI machine (its first connection loads Netty's classes), so it is seconds, not milliseconds.
        admin = new LocalDrmAdmin(store, client::request, "console:test",
                new AdminSettings("dc1", 65536, Duration.ofSeconds(3), Duration.ofSeconds(15)), clock, new Random());
        admin.declare(I, K, "alice");
    }

    @AfterEach
    void tearDown() {
        client.close();
        db.close();
    }

    private void register(int port, String dc) {
        store.heartbeatNode(new NodeRow("127.0.0.1:" + port, "127.0.0.1", 9880, port, "http://127.0.0.1:8880", dc, "",
                clock.millis(), 0));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    @DisplayName("DRM-6/DRM-30: a refused and a silent node of the console's data center are skipped for another data center's node")
    void fallbackAcrossDataCenters() throws Exception {
        int refused = closedPort();
        try (FakeDrmdata silent = new FakeDrmdata(true, 0, List.of());
                FakeDrmdata other = new FakeDrmdata(false, 7, List.of())) {
            register(refused, "dc1");
            register(silent.port(), "dc1");
            register(other.port(), "dc2");

            PushResult result = admin.push(I, K, "GEOHASH", "alice");

            assertEquals(new PushResult(1, other.nodeId(), 7, 0), result);
            Publish publish = (Publish) other.received().get(0);
            assertEquals(1, publish.version());
            assertTrue(publish.relay(), "the node told relays to every other node");
            assertEquals("console:test", publish.origin());
            assertEquals(1, silent.received().size(), "the silent node was asked first (own data center)");
        }
    }

    @Test
    @DisplayName("DRM-32: when no node answers the push is stored all the same")
    void nobodyAnswersOverTcp() throws Exception {
        register(closedPort(), "dc1");
        PushResult result = admin.push(I, K, "v", "alice");
        assertFalse(result.announced());
        assertEquals(1, result.version());
        assertEquals(1, result.relayFailures());
        assertEquals("v", store.find(I, K).orElseThrow().value());
    }

    @Test
    @DisplayName("CON-8: subscribers from the nodes that answer; the silent one is named unreachable")
    void subscribersOverTcp() throws Exception {
        try (FakeDrmdata silent = new FakeDrmdata(true, 0, List.of());
                FakeDrmdata answering = new FakeDrmdata(false, 0,
                        List.of(new Holders.Holder("10.1.0.1", "GZ00B", "shop", 0, 1000, 2000)))) {
            register(silent.port(), "dc1");
            register(answering.port(), "dc2");

            Subscribers s = admin.subscribers(I, K);

            assertEquals(List.of(new Subscribers.Subscriber("10.1.0.1", "GZ00B", "shop", 0, answering.nodeId(), 1000,
                    2000)), s.subscribers());
            assertEquals(List.of("127.0.0.1:" + silent.port()), s.unreachableNodes());
        }
    }
}
