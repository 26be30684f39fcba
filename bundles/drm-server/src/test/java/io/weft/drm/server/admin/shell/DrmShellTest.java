package io.weft.drm.server.admin.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.api.drm.DrmException;
import io.weft.drm.server.admin.AdminSettings;
import io.weft.drm.server.admin.LocalDrmAdmin;
import io.weft.drm.server.store.DrmTestDatabase;
import io.weft.drm.server.store.NodeRow;
import io.weft.testing.MutableClock;

class DrmShellTest {

    private static final String K = "com.example.RefreshCacheDRM:refreshCacheType";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private DrmTestDatabase db;
    private DrmShell shell;

    @BeforeEach
    void setUp() throws Exception {
        db = DrmTestDatabase.migratedDerby();
        var store = db.store(clock);
        store.heartbeatNode(new NodeRow("127.0.0.1:9880", "127.0.0.1", 9880, 9870, "http://127.0.0.1:8880", "dc1",
                "GZ00A", clock.millis(), 2));
        LocalDrmAdmin admin = new LocalDrmAdmin(store,
                (host, port, m, timeout) -> CompletableFuture.failedFuture(new IllegalStateException("refused")),
                "console:test", new AdminSettings("dc1", 65536, Duration.ofSeconds(1), Duration.ofSeconds(15)), clock,
                new Random());
        shell = new DrmShell(admin);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    @DisplayName("CON-8: drm:push, drm:history, drm:rollback and drm:attributes from the Gogo shell, as operator gogo")
    void pushHistoryRollback() {
        assertEquals("Declared " + K + " in instance default (version 0)\n", shell.run("declare", List.of("default", K)));
        String pushed = shell.run("push", List.of("default", K, "GEOHASH"));
        assertEquals("Pushed " + K + " of instance default: version 1\n"
                + "Stored; no drmdata node answered: nodes catch up from the database.\n", pushed);
        shell.run("push", List.of("default", K, "line1\nline2"));

        String history = shell.run("history", List.of("default", K));
        List<String> lines = history.lines().toList();
        assertTrue(lines.get(0).startsWith("VERSION  KIND  OPERATOR  AT"), history);
        assertTrue(lines.get(1).startsWith("2        PUSH  gogo      2026-11-22T10:00:00Z  line1\\nline2"), history);
        assertTrue(lines.get(2).startsWith("1        PUSH  gogo"), history);

        assertTrue(shell.run("rollback", List.of("default", K, "1")).startsWith("Rolled back " + K
                + " of instance default: version 3\n"));
        String attributes = shell.run("attributes", List.of("default"));
        assertTrue(attributes.lines().toList().get(1).matches(
                "com\\.example\\.RefreshCacheDRM:refreshCacheType +3 +gogo +2026-11-22T10:00:00Z +GEOHASH"), attributes);
        assertEquals("INSTANCE\ndefault\n", shell.run("attributes", List.of()));
        assertEquals(1, shell.run("attributes", List.of("default", "nothing")).lines().count(), "header only");
    }

    @Test
    @DisplayName("CON-8: drm:nodes lists the drmdata nodes; bad arguments get the usage or the reason")
    void nodesAndErrors() {
        String nodes = shell.run("nodes", List.of());
        assertTrue(nodes.lines().toList().get(1).matches(
                "127\\.0\\.0\\.1:9880 +dc1 +GZ00A +live +2026-11-22T10:00:00Z +2 +http://127\\.0\\.0\\.1:8880"), nodes);

        IllegalArgumentException usage = assertThrows(IllegalArgumentException.class,
                () -> shell.run("push", List.of("default", K)));
        assertTrue(usage.getMessage().startsWith("Usage: drm:push <instanceId> <resourceId:attribute> <value>"));
        assertEquals("version must be a number, was 'x'", assertThrows(IllegalArgumentException.class,
                () -> shell.run("rollback", List.of("default", K, "x"))).getMessage());
        DrmException unknown = assertThrows(DrmException.class, () -> shell.run("push", List.of("default", K, "v")));
        assertEquals(DrmException.Reason.UNKNOWN_ATTRIBUTE, unknown.reason());
    }
}
