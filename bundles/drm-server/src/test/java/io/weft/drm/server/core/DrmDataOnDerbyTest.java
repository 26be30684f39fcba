package io.weft.drm.server.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.drm.protocol.Ack;
import io.weft.drm.protocol.Notify;
import io.weft.drm.protocol.Publish;
import io.weft.drm.protocol.PublishAck;
import io.weft.drm.protocol.Registered;
import io.weft.drm.protocol.Subscription;
import io.weft.drm.server.store.AttributeChange;
import io.weft.drm.server.store.DrmTestDatabase;
import io.weft.drm.server.store.JdbcDrmStore;
import io.weft.drm.server.sync.SyncClient;

/** Two drmdata nodes on the real store (in-memory Derby), as two nodes share the cluster's database. */
class DrmDataOnDerbyTest {

    static final String INSTANCE = "acme";
    static final String KEY = "com.example.Cache:mode";

    private DrmTestDatabase db;
    private JdbcDrmStore store;
    private DrmDataServer a;
    private DrmDataServer b;
    private SyncClient sync;

    @BeforeEach
    void start() throws Exception {
        db = DrmTestDatabase.migratedDerby();
        store = db.store(Clock.systemUTC());
        a = new DrmDataServer(store, TestVerifier::new, Settings.defaults(0, 0), Clock.systemUTC());
        b = new DrmDataServer(store, TestVerifier::new, Settings.defaults(0, 0), Clock.systemUTC());
        a.start();
        b.start();
        a.nodeHeartbeatNow();
        sync = new SyncClient("test-derby-sync", 1 << 20);
    }

    @AfterEach
    void stop() throws Exception {
        sync.close();
        a.stop();
        b.stop();
        db.close();
    }

    @Test
    @DisplayName("DRM-6: push written to the database, published to node A, reaches a client of node B that acks it")
    void pushThroughTwoNodes() throws Exception {
        try (TestClient c = new TestClient(b.clientPort())) {
            c.send(TestClient.register(INSTANCE, "", TestVerifier.sign(INSTANCE, TestVerifier.SECRET),
                    List.of(new Subscription(KEY, 0))));
            Registered r = c.read(Registered.class);
            assertTrue(r.ok());
            assertEquals(2, r.pullEndpoints().size(), "both live nodes are pull endpoints");
            store.write(INSTANCE, KEY, "tester", new AttributeChange.Push("GEOHASH"));
            long version = store.find(INSTANCE, KEY).get().version();
            PublishAck ack = assertInstanceOf(PublishAck.class, sync.request("127.0.0.1", a.syncPort(),
                    new Publish(1, INSTANCE, KEY, version, null, true, "console"), Duration.ofSeconds(10)).get());
            assertEquals(1, ack.relayedTo());
            assertEquals(1, ack.notifiedClients());
            Notify n = c.read(Notify.class);
            assertEquals(version, n.version());
            c.send(new Ack(n.pushId(), KEY, version, true, null));
            DrmDataServerTest.awaitTrue(() -> b.metrics().pushesOk() == 1);
        }
    }

    @Test
    @DisplayName("DRM-8: a node that got no publish catches up from the database's change sequence")
    void catchUpFromDatabase() throws Exception {
        try (TestClient c = new TestClient(b.clientPort())) {
            c.send(TestClient.register(INSTANCE, "", null, List.of(new Subscription(KEY, 0))));
            assertTrue(c.read(Registered.class).ok());
            store.write(INSTANCE, KEY, "tester", new AttributeChange.Push("v1"));
            b.catchUpNow();
            assertEquals(store.find(INSTANCE, KEY).get().version(), c.read(Notify.class).version());
        }
    }
}
