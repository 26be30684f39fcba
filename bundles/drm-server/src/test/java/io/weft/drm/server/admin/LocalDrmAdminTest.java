package io.weft.drm.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.weft.api.drm.DrmAttribute;
import io.weft.api.drm.DrmException;
import io.weft.api.drm.DrmException.Reason;
import io.weft.api.drm.DrmNode;
import io.weft.api.drm.GrayTargets;
import io.weft.api.drm.Page;
import io.weft.api.drm.PushRecord;
import io.weft.api.drm.PushResult;
import io.weft.api.drm.Subscribers;
import io.weft.drm.protocol.ErrorReply;
import io.weft.drm.protocol.GrayTarget;
import io.weft.drm.protocol.Holders;
import io.weft.drm.protocol.HoldersQuery;
import io.weft.drm.protocol.Publish;
import io.weft.drm.protocol.PublishAck;
import io.weft.drm.server.store.DrmTestDatabase;
import io.weft.drm.server.store.JdbcDrmStore;
import io.weft.drm.server.store.NodeRow;
import io.weft.testing.MutableClock;

class LocalDrmAdminTest {

    private static final String I = "acme-prod";
    private static final String K = "com.example.RefreshCacheDRM:refreshCacheType";
    private static final AdminSettings SETTINGS = new AdminSettings("dc1", 65536, Duration.ofMillis(500),
            Duration.ofSeconds(15));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final FakeSync sync = new FakeSync();
    private DrmTestDatabase db;
    private JdbcDrmStore store;
    private LocalDrmAdmin admin;

    @BeforeEach
    void setUp() throws Exception {
        db = DrmTestDatabase.migratedDerby();
        store = db.store(clock);
        admin = new LocalDrmAdmin(store, sync, "console:test", SETTINGS, clock, new Random(7));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private NodeRow node(String host, String dc, long ageMillis) {
        NodeRow row = new NodeRow(host + ":9880", host, 9880, 9870, "http://" + host + ":8880", dc, "",
                clock.millis() - ageMillis, 0);
        store.heartbeatNode(row);
        return row;
    }

    private static PublishAck ack(Object m, String nodeId, int clients, int relayFailures) {
        return new PublishAck(((Publish) m).requestId(), nodeId, clients, 1, relayFailures);
    }

    @Test
    @DisplayName("DRM-6: a push is written with its version, then announced to a live drmdata node of the console's data center")
    void pushAnnouncesToOwnDataCenter() {
        node("10.0.1.1", "dc1", 1000);
        node("10.0.2.1", "dc2", 1000);
        node("10.0.1.9", "dc1", 60_000);
        sync.answer("10.0.1.1:9870", m -> ack(m, "10.0.1.1:9880", 12, 0));
        sync.answer("10.0.2.1:9870", m -> ack(m, "10.0.2.1:9880", 99, 0));
        admin.declare(I, K, "alice");

        PushResult result = admin.push(I, K, "GEOHASH", "alice");

        assertEquals(new PushResult(1, "10.0.1.1:9880", 12, 0), result);
        assertEquals(1, sync.sent().size(), "one node of its own data center is told; it relays to the others");
        Publish sent = (Publish) sync.sent().get(0).message();
        assertEquals(new Publish(sent.requestId(), I, K, 1, null, true, "console:test"), sent);
        DrmAttribute stored = admin.attribute(I, K).orElseThrow();
        assertEquals("GEOHASH", stored.value());
        assertEquals(1, stored.version());
        assertEquals("alice", stored.updatedBy());
        assertEquals(clock.instant(), stored.updatedAt());
    }

    @Test
    @DisplayName("DRM-30: when no node of its own data center answers, the console announces to another data center")
    void fallsBackToOtherDataCenter() {
        node("10.0.1.1", "dc1", 0);
        node("10.0.1.2", "dc1", 0);
        node("10.0.2.1", "dc2", 0);
        sync.refuse("10.0.1.1:9870");
        sync.answer("10.0.1.2:9870", m -> new ErrorReply(((Publish) m).requestId(), "UNAVAILABLE", "database down"));
        sync.answer("10.0.2.1:9870", m -> ack(m, "10.0.2.1:9880", 3, 1));
        admin.declare(I, K, "alice");

        PushResult result = admin.push(I, K, "v", "alice");

        assertEquals(new PushResult(1, "10.0.2.1:9880", 3, 1), result);
        List<String> asked = sync.sent().stream().map(FakeSync.Sent::peer).toList();
        assertEquals(Set.of("10.0.1.1:9870", "10.0.1.2:9870"), Set.copyOf(asked.subList(0, 2)), "own data center first");
        assertEquals("10.0.2.1:9870", asked.get(2));
    }

    @Test
    @DisplayName("DRM-32: a push that no drmdata node acknowledges is still stored; nodes catch up from the database")
    void nobodyAnswered() {
        node("10.0.1.1", "dc1", 0);
        node("10.0.2.1", "dc2", 0);
        admin.declare(I, K, "alice");

        PushResult result = admin.push(I, K, "v1", "alice");

        assertFalse(result.announced());
        assertEquals(new PushResult(1, "", 0, 2), result);
        assertEquals("v1", admin.attribute(I, K).orElseThrow().value());
        assertEquals(1, store.changedSince(0, 10).size(), "visible to the nodes' catch-up");

        store.removeNode("10.0.1.1:9880");
        store.removeNode("10.0.2.1:9880");
        assertEquals(new PushResult(2, "", 0, 0), admin.push(I, K, "v2", "alice"), "no live node at all");
    }

    @Test
    @DisplayName("DRM-6: gray release: the announcement names the targets; promote, abandon and roll back go to everyone")
    void grayReleaseAnnouncements() {
        node("10.0.1.1", "dc1", 0);
        sync.answer("10.0.1.1:9870", m -> ack(m, "n1", 1, 0));
        admin.declare(I, K, "alice");
        admin.push(I, K, "A", "alice");

        PushResult gray = admin.pushGray(I, K, "G", new GrayTargets(Set.of(" 10.0.0.7 ", "::1"), Set.of("GZ00B")), "bob");
        assertEquals(2, gray.version());
        Publish grayPublish = (Publish) sync.sent().get(1).message();
        assertEquals(new GrayTarget(Set.of("10.0.0.7", "0:0:0:0:0:0:0:1"), Set.of("GZ00B")), grayPublish.gray());
        DrmAttribute open = admin.attribute(I, K).orElseThrow();
        assertEquals("A", open.value());
        assertEquals("G", open.gray().value());
        assertEquals(2, open.gray().version());
        assertEquals(Set.of("10.0.0.7", "0:0:0:0:0:0:0:1"), open.gray().targets().clientIps());
        assertEquals("bob", open.gray().operator());

        DrmException conflict = assertThrows(DrmException.class, () -> admin.push(I, K, "X", "alice"));
        assertEquals(Reason.CONFLICT, conflict.reason());

        assertEquals(3, admin.abandonGray(I, K, "bob").version());
        assertNull(((Publish) sync.sent().get(2).message()).gray());
        assertNull(admin.attribute(I, K).orElseThrow().gray());
        assertEquals("A", admin.attribute(I, K).orElseThrow().value());

        admin.pushGray(I, K, "G2", new GrayTargets(Set.of(), Set.of("GZ00B")), "bob");
        assertEquals(5, admin.promoteGray(I, K, "carol").version());
        assertEquals("G2", admin.attribute(I, K).orElseThrow().value());
        assertEquals(6, admin.rollback(I, K, 1, "dave").version());
        assertEquals("A", admin.attribute(I, K).orElseThrow().value());

        List<PushRecord> history = admin.history(I, K, 50);
        assertEquals(List.of(PushRecord.Kind.ROLLBACK, PushRecord.Kind.PROMOTE, PushRecord.Kind.GRAY,
                PushRecord.Kind.ABANDON, PushRecord.Kind.GRAY, PushRecord.Kind.PUSH),
                history.stream().map(PushRecord::kind).toList());
        List<Long> versions = sync.sent().stream().map(s -> ((Publish) s.message()).version()).toList();
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), versions, "every announcement carries a higher version");
    }

    @Test
    @DisplayName("DRM-6: bad input is refused with a clear message, and nothing is written or announced")
    void refusals() {
        node("10.0.1.1", "dc1", 0);
        sync.answer("10.0.1.1:9870", m -> ack(m, "n1", 1, 0));
        admin.declare(I, K, "alice");

        assertRefused(Reason.INVALID, "value is 65537 bytes (UTF-8), more than the limit of 65536 bytes",
                () -> admin.push(I, K, "x".repeat(65537), "alice"));
        assertRefused(Reason.INVALID, "value is 80000 bytes (UTF-8), more than the limit of 65536 bytes",
                () -> admin.push(I, K, "\u00e9".repeat(40000), "alice"));
        assertRefused(Reason.INVALID, "NUL character at position 3", () -> admin.push(I, K, "abc\0def", "alice"));
        assertRefused(Reason.INVALID, "unpaired surrogate", () -> admin.push(I, K, "a\ud800b", "alice"));
        assertRefused(Reason.INVALID, "value is missing", () -> admin.push(I, K, null, "alice"));
        assertRefused(Reason.INVALID, "operator is missing", () -> admin.push(I, K, "v", "  "));
        assertRefused(Reason.INVALID, "operator is missing", () -> admin.rollback(I, K, 1, null));
        assertRefused(Reason.INVALID, "key must be resourceId:attribute", () -> admin.push(I, "nocolon", "v", "alice"));
        assertRefused(Reason.INVALID, "instanceId must be", () -> admin.push("bad id;--", K, "v", "alice"));
        assertRefused(Reason.UNKNOWN_ATTRIBUTE, "No attribute com.example.Other:attr in instance acme-prod",
                () -> admin.push(I, "com.example.Other:attr", "v", "alice"));
        assertRefused(Reason.INVALID, "gray client IP '10.0.0.256' is not an IPv4 or IPv6 address",
                () -> admin.pushGray(I, K, "g", new GrayTargets(Set.of("10.0.0.256"), Set.of()), "alice"));
        assertRefused(Reason.INVALID, "gray client IP 'app.example.com' is not an IPv4 or IPv6 address",
                () -> admin.pushGray(I, K, "g", new GrayTargets(Set.of("app.example.com"), Set.of()), "alice"));
        assertRefused(Reason.INVALID, "gray zone 'GZ 00' is not a zone name",
                () -> admin.pushGray(I, K, "g", new GrayTargets(Set.of(), Set.of("GZ 00")), "alice"));
        assertRefused(Reason.INVALID, "a gray release needs its targets",
                () -> admin.pushGray(I, K, "g", null, "alice"));
        assertRefused(Reason.INVALID, "no such version in its history",
                () -> admin.rollback(I, K, 5, "alice"));
        assertRefused(Reason.INVALID, "version must be 1 or more", () -> admin.rollback(I, K, 0, "alice"));
        assertRefused(Reason.CONFLICT, "has no open gray release", () -> admin.promoteGray(I, K, "alice"));
        assertRefused(Reason.INVALID, "limit must be between 1 and 1000", () -> admin.attributes(I, "", 0, 0));

        assertEquals(0, admin.attribute(I, K).orElseThrow().version(), "nothing was written");
        assertTrue(sync.sent().isEmpty(), "nothing was announced");

        assertEquals(1, admin.push(I, K, "x".repeat(65536), "alice").version(), "exactly the limit is fine");
        admin.configure(new AdminSettings("dc1", 10, Duration.ofMillis(500), Duration.ofSeconds(15)));
        assertRefused(Reason.INVALID, "more than the limit of 10 bytes", () -> admin.push(I, K, "12345678901", "alice"));
    }

    private static void assertRefused(Reason reason, String message, Executable call) {
        DrmException e = assertThrows(DrmException.class, call);
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(message), "message: " + e.getMessage());
    }

    @Test
    @DisplayName("CON-8: subscribers are asked of every live node; a node that does not answer is named")
    void subscribers() {
        node("10.0.1.1", "dc1", 0);
        node("10.0.2.1", "dc2", 0);
        node("10.0.3.1", "dc3", 0);
        node("10.0.9.9", "dc1", 60_000);
        sync.answer("10.0.1.1:9870", m -> new Holders(((HoldersQuery) m).requestId(), "10.0.1.1:9880", List.of(
                new Holders.Holder("10.1.0.2", "GZ00A", "shop", 4, 100, 200),
                new Holders.Holder("10.1.0.1", "GZ00B", "shop", 3, 100, 0))));
        sync.answer("10.0.2.1:9870", m -> new Holders(((HoldersQuery) m).requestId(), "10.0.2.1:9880",
                List.of(new Holders.Holder("10.2.0.1", "GZ01A", "cart", 4, 50, 60))));
        sync.refuse("10.0.3.1:9870");
        admin.declare(I, K, "alice");

        Subscribers s = admin.subscribers(I, K);

        assertEquals(List.of(
                new Subscribers.Subscriber("10.1.0.1", "GZ00B", "shop", 3, "10.0.1.1:9880", 100, 0),
                new Subscribers.Subscriber("10.1.0.2", "GZ00A", "shop", 4, "10.0.1.1:9880", 100, 200),
                new Subscribers.Subscriber("10.2.0.1", "GZ01A", "cart", 4, "10.0.2.1:9880", 50, 60)), s.subscribers());
        assertEquals(List.of("10.0.3.1:9880"), s.unreachableNodes());
        assertEquals(3, sync.sent().size(), "the silent node is not asked");
        assertRefused(Reason.UNKNOWN_ATTRIBUTE, "No attribute", () -> admin.subscribers(I, "r:unknown"));
    }

    @Test
    @DisplayName("CON-8: nodes are listed live ones first; attributes are paged and searched")
    void nodesAndAttributes() {
        node("10.0.9.9", "dc1", 60_000);
        node("10.0.2.1", "dc2", 0);
        node("10.0.1.1", "dc1", 0);
        List<DrmNode> nodes = admin.nodes();
        assertEquals(List.of("10.0.1.1:9880", "10.0.2.1:9880", "10.0.9.9:9880"),
                nodes.stream().map(DrmNode::nodeId).toList());
        assertEquals(List.of(true, true, false), nodes.stream().map(DrmNode::live).toList());

        for (int i = 0; i < 120; i++) {
            admin.declare(I, "com.example.R:attr" + i, "alice");
        }
        DrmAttribute again = admin.declare(I, "com.example.R:attr7", "bob");
        assertEquals(0, again.version());
        assertEquals("", again.updatedBy());
        assertNull(again.updatedAt());
        assertEquals("com.example.R", again.resourceId());

        Page<DrmAttribute> page = admin.attributes(I, "ATTR1", 0, 50);
        assertEquals(31, page.total(), "attr1, attr10-19, attr100-119");
        assertEquals(List.of(I), admin.instances());
        assertEquals(20, admin.attributes(I, "", 100, 50).items().size());
    }

    @Test
    @DisplayName("DRM-9: every push is one INFO line with who, what and the size, the value cut to 200 characters")
    void pushLog() {
        Logger logger = (Logger) LoggerFactory.getLogger(LocalDrmAdmin.LOGGER);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            admin.declare(I, K, "alice");
            admin.push(I, K, "y".repeat(1000) + "\nFORGED LINE", "alice");
        } finally {
            logger.detachAppender(lines);
        }
        String push = lines.list.stream().map(ILoggingEvent::getFormattedMessage).filter(l -> l.startsWith("PUSH"))
                .findFirst().orElseThrow();
        assertTrue(push.startsWith("PUSH by alice: instance " + I + " key " + K + " version 1, 1012 bytes, value \""),
                push);
        assertTrue(push.contains("y".repeat(200) + "\"... (1012 characters)"), push);
        assertFalse(push.contains("y".repeat(201)), "never more than 200 characters of the value");
        assertFalse(push.contains("\n"), "one line");
        assertTrue(lines.list.stream().anyMatch(e -> e.getFormattedMessage().contains("no drmdata node acknowledged")));
    }
}
