package io.weft.drm.server.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.weft.api.drm.DrmException;
import io.weft.api.drm.Page;
import io.weft.api.drm.PushRecord;
import io.weft.api.drm.PushRecord.Kind;
import io.weft.testing.MutableClock;

/** The DRM tables on embedded Derby, and on MariaDB when {@code WEFT_TEST_MARIADB_URL} names one. */
class JdbcDrmStoreTest {

    private static final String I = "acme-prod";
    private static final String K = "com.example.RefreshCacheDRM:refreshCacheType";

    static List<String> backends() {
        return DrmTestDatabase.backends().toList();
    }

    private static JdbcDrmStore store(DrmTestDatabase db) throws SQLException {
        return db.store(new MutableClock(Instant.parse("2026-11-22T10:00:00Z")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    @DisplayName("DRM-22: declaring keys is idempotent, also when several nodes declare the same keys at once")
    void declareIsIdempotent(String backend) throws Exception {
        try (DrmTestDatabase db = DrmTestDatabase.migrated(backend)) {
            JdbcDrmStore store = store(db);
            store.declare(I, List.of(K, "r:a"));
            store.write(I, K, "alice", new AttributeChange.Push("GEOHASH"));
            store.declare(I, List.of(K, "r:a", "r:b"));

            StoredAttribute pushed = store.find(I, K).orElseThrow();
            assertEquals("GEOHASH", pushed.value(), "a declaration leaves an existing value alone");
            assertEquals(1, pushed.version());
            StoredAttribute declared = store.find(I, "r:b").orElseThrow();
            assertNull(declared.value());
            assertEquals(0, declared.version());

            List<String> keys = IntStream.range(0, 300).mapToObj(i -> "com.example.Many:attr" + i).toList();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    List<String> shuffled = new ArrayList<>(keys);
                    Collections.shuffle(shuffled);
                    done.add(pool.submit(() -> store.declare(I, shuffled)));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(303, store.page(I, "", 0, 1000).total());
            assertEquals(300, store.findAll(I, keys).size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    @DisplayName("DRM-6: every write takes max(version, grayVersion) + 1, through push, gray, promote, abandon and roll back")
    void versionsNeverGoBack(String backend) throws Exception {
        try (DrmTestDatabase db = DrmTestDatabase.migrated(backend)) {
            JdbcDrmStore store = store(db);
            store.declare(I, List.of(K));

            assertEquals(1, store.write(I, K, "alice", new AttributeChange.Push("A")).record().version());
            assertEquals(2, store.write(I, K, "alice", new AttributeChange.Push("B")).record().version());

            Written gray = store.write(I, K, "bob", new AttributeChange.Gray("G", Set.of("10.0.0.1"), Set.of("GZ00B")));
            StoredAttribute g = gray.row().attribute();
            assertEquals(3, g.grayVersion());
            assertEquals(2, g.version(), "the common value stays while the gray release is open");
            assertEquals("B", g.value());
            assertEquals("G", g.valueFor("10.0.0.1", ""));
            assertEquals("G", g.valueFor("10.9.9.9", "GZ00B"));
            assertEquals("B", g.valueFor("10.9.9.9", "GZ00A"));
            assertEquals("bob", gray.row().grayBy());

            Written abandon = store.write(I, K, "bob", new AttributeChange.Abandon());
            StoredAttribute a = abandon.row().attribute();
            assertEquals(4, a.version(), "abandoning writes the common value again above the gray version");
            assertEquals("B", a.value());
            assertTrue(!a.grayOpen());

            store.write(I, K, "bob", new AttributeChange.Gray("G2", Set.of(), Set.of("GZ00B")));
            Written promote = store.write(I, K, "carol", new AttributeChange.Promote());
            assertEquals(6, promote.row().attribute().version());
            assertEquals("G2", promote.row().attribute().value());
            assertTrue(!promote.row().attribute().grayOpen());

            Written rollback = store.write(I, K, "dave", new AttributeChange.Rollback(1));
            assertEquals(7, rollback.row().attribute().version());
            assertEquals("A", rollback.row().attribute().value());
            assertEquals("dave", rollback.row().updatedBy());

            List<PushRecord> history = store.history(I, K, 100);
            assertEquals(List.of(7L, 6L, 5L, 4L, 3L, 2L, 1L), history.stream().map(PushRecord::version).toList(),
                    "newest first");
            assertEquals(List.of(Kind.ROLLBACK, Kind.PROMOTE, Kind.GRAY, Kind.ABANDON, Kind.GRAY, Kind.PUSH, Kind.PUSH),
                    history.stream().map(PushRecord::kind).toList());
            assertEquals("rolled back to version 1", history.get(0).note());
            assertEquals("ips 10.0.0.1; zones GZ00B", history.get(4).note());
            assertTrue(history.get(3).note().contains("gray version 3"), history.get(3).note());
            assertEquals("B", history.get(3).value(), "the abandon wrote the common value again");
            assertEquals("dave", history.get(0).operator());
            assertEquals(Instant.parse("2026-11-22T10:00:00Z"), history.get(0).at());
            assertEquals(2, store.history(I, K, 2).size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    @DisplayName("DRM-6: a push while a gray release is open, and a promote or abandon without one, are conflicts")
    void grayConflicts(String backend) throws Exception {
        try (DrmTestDatabase db = DrmTestDatabase.migrated(backend)) {
            JdbcDrmStore store = store(db);
            store.declare(I, List.of(K));
            DrmException promote = assertThrows(DrmException.class,
                    () -> store.write(I, K, "a", new AttributeChange.Promote()));
            assertEquals(DrmException.Reason.CONFLICT, promote.reason());
            assertTrue(promote.getMessage().contains("no open gray release"), promote.getMessage());
            assertEquals(DrmException.Reason.CONFLICT,
                    assertThrows(DrmException.class, () -> store.write(I, K, "a", new AttributeChange.Abandon())).reason());

            store.write(I, K, "a", new AttributeChange.Gray("G", Set.of("10.0.0.1"), Set.of()));
            for (AttributeChange refused : List.of(new AttributeChange.Push("X"),
                    new AttributeChange.Gray("H", Set.of("10.0.0.2"), Set.of()), new AttributeChange.Rollback(1))) {
                DrmException e = assertThrows(DrmException.class, () -> store.write(I, K, "a", refused));
                assertEquals(DrmException.Reason.CONFLICT, e.reason());
                assertTrue(e.getMessage().contains("open gray release (version 1)"), e.getMessage());
            }
            assertEquals(1, store.history(I, K, 10).size(), "refused writes leave no history");
            assertEquals(1, store.lastSequence(), "refused writes take no sequence number");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    @DisplayName("DRM-6: writing an attribute never declared, or rolling back to a version not in its history, is refused")
    void unknownAttributeAndVersion(String backend) throws Exception {
        try (DrmTestDatabase db = DrmTestDatabase.migrated(backend)) {
            JdbcDrmStore store = store(db);
            DrmException unknown = assertThrows(DrmException.class,
                    () -> store.write(I, K, "a", new AttributeChange.Push("x")));
            assertEquals(DrmException.Reason.UNKNOWN_ATTRIBUTE, unknown.reason());
            assertTrue(unknown.getMessage().contains("No attribute " + K + " in instance " + I), unknown.getMessage());

            store.declare(I, List.of(K));
            DrmException empty = assertThrows(DrmException.class,
                    () -> store.write(I, K, "a", new AttributeChange.Rollback(1)));
            assertEquals(DrmException.Reason.INVALID, empty.reason());
            assertTrue(empty.getMessage().contains("it has none yet"), empty.getMessage());

            store.write(I, K, "a", new AttributeChange.Push("one"));
            store.write(I, K, "a", new AttributeChange.Push("two"));
            DrmException missing = assertThrows(DrmException.class,
                    () -> store.write(I, K, "a", new AttributeChange.Rollback(9)));
            assertEquals(DrmException.Reason.INVALID, missing.reason());
            assertTrue(missing.getMessage().contains("back to version 9: no such version in its history (versions 1 to 2)"),
                    missing.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    @DisplayName("DRM-6: two consoles pushing the same key at once get distinct versions, none lost")
    void concurrentPushes(String backend) throws Exception {
        try (DrmTestDatabase db = DrmTestDatabase.migrated(backend)) {
            JdbcDrmStore first = store(db);
            JdbcDrmStore second = store(db);
            first.declare(I, List.of(K));
            int perThread = 25;
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Callable<List<Long>>> tasks = new ArrayList<>();
                for (JdbcDrmStore s : List.of(first, second)) {
                    tasks.add(() -> {
                        List<Long> versions = new ArrayList<>();
                        for (int i = 0; i < perThread; i++) {
                            versions.add(s.write(I, K, "op", new AttributeChange.Push("v" + i)).record().version());
                        }
                        return versions;
                    });
                }
                Set<Long> all = new HashSet<>();
                for (Future<List<Long>> f : pool.invokeAll(tasks)) {
                    all.addAll(f.get());
                }
                assertEquals(2 * perThread, all.size(), "every push got its own version");
                assertEquals(Set.copyOf(IntStream.rangeClosed(1, 2 * perThread).mapToObj(Long::valueOf).toList()), all);
            } finally {
                pool.shutdownNow();
            }
            assertEquals(2 * perThread, first.find(I, K).orElseThrow().version());
            assertEquals(2 * perThread, first.history(I, K, 1000).size());
            assertEquals(2 * perThread, first.lastSequence());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    @DisplayName("DRM-8: changedSince lists each attribute's last write after a sequence number, oldest first")
    void changedSince(String backend) throws Exception {
        try (DrmTestDatabase db = DrmTestDatabase.migrated(backend)) {
            JdbcDrmStore store = store(db);
            assertEquals(0, store.lastSequence());
            assertEquals(List.of(), store.changedSince(0, 100));
            store.declare(I, List.of("r:a", "r:b", "r:c"));
            assertEquals(0, store.lastSequence(), "a declaration is not a change");

            store.write(I, "r:a", "op", new AttributeChange.Push("1"));
            store.write(I, "r:b", "op", new AttributeChange.Push("2"));
            store.write(I, "r:a", "op", new AttributeChange.Push("3"));
            assertEquals(3, store.lastSequence());

            List<StoredAttribute> all = store.changedSince(0, 100);
            assertEquals(List.of("r:b", "r:a"), all.stream().map(StoredAttribute::key).toList(),
                    "one entry per attribute, at its last write");
            assertEquals(List.of(2L, 3L), all.stream().map(StoredAttribute::sequence).toList());
            assertEquals("3", all.get(1).value());
            assertEquals(List.of("r:a"), store.changedSince(2, 100).stream().map(StoredAttribute::key).toList());
            assertEquals(List.of(), store.changedSince(3, 100));
            assertEquals(1, store.changedSince(0, 1).size(), "at most limit rows");

            store.write(I, "r:c", "op", new AttributeChange.Gray("g", Set.of(), Set.of("Z1")));
            StoredAttribute gray = store.changedSince(3, 100).get(0);
            assertEquals(4, gray.sequence());
            assertEquals(Set.of("Z1"), gray.grayZones());
            assertEquals(1, gray.grayVersion());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    @DisplayName("DRM-12: the cluster secret is created once and every node reads the same one")
    void clusterSecretIsStable(String backend) throws Exception {
        try (DrmTestDatabase db = DrmTestDatabase.migrated(backend)) {
            List<JdbcDrmStore> nodes = List.of(store(db), store(db), store(db));
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Callable<byte[]>> asks = nodes.stream().map(n -> (Callable<byte[]>) n::clusterSecret).toList();
                List<byte[]> secrets = new ArrayList<>();
                for (Future<byte[]> f : pool.invokeAll(asks)) {
                    secrets.add(f.get());
                }
                assertEquals(32, secrets.get(0).length);
                assertArrayEquals(secrets.get(0), secrets.get(1));
                assertArrayEquals(secrets.get(0), secrets.get(2));
                assertArrayEquals(secrets.get(0), store(db).clusterSecret(), "a node started later reads it too");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    @DisplayName("DRM-29: node rows are inserted, updated at each heartbeat, and removed at a clean stop")
    void nodeRows(String backend) throws Exception {
        try (DrmTestDatabase db = DrmTestDatabase.migrated(backend)) {
            JdbcDrmStore store = store(db);
            NodeRow a = new NodeRow("127.0.0.1:9880", "127.0.0.1", 9880, 9870, "http://127.0.0.1:8880", "dc1", "GZ00A",
                    1000, 3);
            NodeRow b = new NodeRow("127.0.0.2:9880", "127.0.0.2", 9880, 9870, "http://127.0.0.2:8880", "dc2", "", 1000, 0);
            store.heartbeatNode(a);
            store.heartbeatNode(b);
            NodeRow a2 = new NodeRow(a.nodeId(), a.host(), 9880, 9870, a.pullUrl(), "dc1", "GZ00A", 6000, 42);
            store.heartbeatNode(a2);
            assertEquals(List.of(a2, b), store.nodes());
            store.removeNode(a.nodeId());
            assertEquals(List.of(b), store.nodes());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    @DisplayName("CON-8: 10 000 attributes are paged and searched in the database")
    void pagingAndSearch(String backend) throws Exception {
        try (DrmTestDatabase db = DrmTestDatabase.migrated(backend)) {
            JdbcDrmStore store = store(db);
            List<String> keys = IntStream.range(0, 10_000)
                    .mapToObj(i -> String.format("com.example.Res%02d:attr_%04d", i % 100, i)).toList();
            store.declare(I, keys);
            store.declare("other", List.of("com.example.Res00:attr_0000"));

            Page<AttributeRow> first = store.page(I, "", 0, 50);
            assertEquals(10_000, first.total());
            assertEquals(50, first.items().size());
            assertEquals("com.example.Res00:attr_0000", first.items().get(0).attribute().key());
            assertEquals("com.example.Res00:attr_0100", first.items().get(1).attribute().key(), "sorted by key");
            Page<AttributeRow> last = store.page(I, "", 9_990, 50);
            assertEquals(10, last.items().size());
            assertEquals("com.example.Res99:attr_9999", last.items().get(9).attribute().key());
            assertEquals(List.of(), store.page(I, "", 20_000, 50).items());

            Page<AttributeRow> found = store.page(I, "RES07:", 0, 1000);
            assertEquals(100, found.total(), "case-insensitive");
            assertTrue(found.items().stream().allMatch(r -> r.attribute().key().startsWith("com.example.Res07:")));
            assertEquals(1, store.page(I, "attr_1234", 0, 50).total());
            assertEquals(0, store.page(I, "%", 0, 50).total(), "LIKE wildcards are searched as text");
            assertEquals(0, store.page(I, "attr__", 0, 50).total());
            assertEquals(10_000, store.page(I, "_", 0, 50).total());
            assertEquals(List.of(I, "other"), store.instances());

            Map<String, StoredAttribute> some = store.findAll(I, keys.subList(0, 1200));
            assertEquals(1200, some.size(), "long key lists are read in slices");
        }
    }

    @Test
    @DisplayName("DRM-32: a database that cannot be reached is UNAVAILABLE with the cause, and nothing is written")
    void unavailable() {
        DataSource down = new DrmTestDatabase.UrlDataSource("jdbc:derby://127.0.0.1:1/nothing") {
            @Override
            public java.sql.Connection getConnection() throws SQLException {
                throw new SQLException("Connection refused", "08001");
            }
        };
        JdbcDrmStore store = new JdbcDrmStore(down, SqlDialect.DERBY, new MutableClock(Instant.EPOCH));
        for (Runnable call : List.<Runnable>of(() -> store.find(I, K), () -> store.declare(I, List.of(K)),
                () -> store.write(I, K, "a", new AttributeChange.Push("x")), () -> store.nodes(),
                () -> store.clusterSecret(), () -> store.lastSequence(), () -> store.page(I, "", 0, 10))) {
            DrmException e = assertThrows(DrmException.class, call::run);
            assertEquals(DrmException.Reason.UNAVAILABLE, e.reason());
            assertTrue(e.getMessage().startsWith("DRM database unavailable while "), e.getMessage());
            assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
        }
    }

    @Test
    @DisplayName("DRM-4: the DRM scripts are chosen by database product; an unsupported one is named")
    void dialects() {
        assertEquals(SqlDialect.DERBY, SqlDialect.of("Apache Derby"));
        assertEquals(SqlDialect.MYSQL, SqlDialect.of("MySQL"));
        assertEquals(SqlDialect.MYSQL, SqlDialect.of("MariaDB"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SqlDialect.of("PostgreSQL"));
        assertTrue(e.getMessage().contains("PostgreSQL"));
    }
}
