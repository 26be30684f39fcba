package io.weft.auth.osp.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.weft.api.osp.Instance;
import io.weft.api.osp.RequestSigning;
import io.weft.api.osp.SignedRequest;
import io.weft.api.osp.Verification;
import io.weft.api.osp.Verification.Reason;
import io.weft.auth.osp.secret.Credentials;
import io.weft.auth.osp.secret.SecretCipher;
import io.weft.auth.osp.store.JdbcOspRepository;
import io.weft.auth.osp.store.SchemaInstaller;
import io.weft.auth.osp.testing.Derby;
import io.weft.auth.osp.testing.TestKeys;
import io.weft.auth.osp.verify.HmacSignatureVerifier;
import io.weft.auth.osp.verify.ReplayCache;
import io.weft.testing.MutableClock;

class LocalOspTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:02:30Z");

    private final Derby db = Derby.memory();
    private final MutableClock clock = new MutableClock(NOW);
    private final LocalOsp osp;

    LocalOspTest() {
        SchemaInstaller.ensureSchema(db);
        JdbcOspRepository repo = new JdbcOspRepository(db);
        SecretCipher cipher = TestKeys.cipher();
        osp = new LocalOsp(repo, cipher, new Credentials(new SecureRandom()), clock,
                new HmacSignatureVerifier(repo::accessKey, cipher, clock, Duration.ofMinutes(5), new ReplayCache(100)));
    }

    @Test
    @DisplayName("CON-20/CON-21: standalone starts with tenant and instance 'default' with every product, once")
    void bootstrap() {
        assertTrue(osp.bootstrapDefault());
        assertFalse(osp.bootstrapDefault());
        Instance i = osp.instance("default").orElseThrow();
        assertEquals(new Instance("default", "default", "default",
                Set.of("SOFAREGISTRY", "DRM", "SCHEDULER", "SOFAKAFKA")), i);
        assertEquals(1, osp.tenants().size());
    }

    @Test
    @DisplayName("CON-22: a created key verifies a request signed with its SecretKey; revoked, it does not")
    void createVerifyRevoke() {
        osp.createTenant("acme");
        osp.createInstance("acme", "inst-1", "ws", List.of("drm", "SOFAREGISTRY"));
        NewAccessKey created = osp.createAccessKey("inst-1", List.of("antcloud.deps.cell.list"));
        String ak = created.key().accessKeyId();
        assertTrue(ak.matches("AK[A-Z0-9]{18}"), ak);
        assertFalse(created.toString().contains(created.secretKey()));

        long ts = RequestSigning.registryTimestamp(NOW.toEpochMilli());
        String sig = RequestSigning.sign(created.secretKey(), RequestSigning.stringToSign("inst-1", ts, ""));
        SignedRequest request = SignedRequest.registryRegistration(ak, "HmacSHA256", ts, sig, "inst-1",
                "antcloud.deps.cell.list");
        assertTrue(osp.verify(request).isAccepted());

        osp.revokeAccessKey(ak);
        Verification after = osp.verify(request);
        assertEquals(Reason.UNKNOWN_ACCESS_KEY, after.reason());
        assertFalse(osp.accessKey(ak).orElseThrow().isActive());
        OspRequestException twice = assertThrows(OspRequestException.class, () -> osp.revokeAccessKey(ak));
        assertTrue(twice.getMessage().contains("already revoked"), twice.getMessage());
    }

    @Test
    @DisplayName("CON-22: the database never holds a SecretKey in plain text")
    void secretNotStoredPlain() throws SQLException {
        osp.bootstrapDefault();
        NewAccessKey created = osp.createAccessKey("default", List.of("*"));
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT * FROM osp_access_key")) {
            assertTrue(r.next());
            for (int col = 1; col <= r.getMetaData().getColumnCount(); col++) {
                String value = r.getString(col);
                assertFalse(value != null && value.contains(created.secretKey()),
                        "column " + r.getMetaData().getColumnName(col));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"x'; DROP TABLE osp_tenant; --", "a b", "-- comment", "name\"", "a;b", "ten(ant)",
        "", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "名字", "a/b", "a\nb"})
    @DisplayName("CON-20: SQL-looking or otherwise invalid names are refused with the rule, and nothing is written")
    void invalidNames(String name) {
        OspRequestException e = assertThrows(OspRequestException.class, () -> osp.createTenant(name));
        assertTrue(e.getMessage().startsWith(name.isEmpty() ? "Missing tenant" : "Invalid tenant"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "control characters are not echoed");
        osp.bootstrapDefault();
        assertThrows(OspRequestException.class, () -> osp.createInstance("default", name, null, List.of()));
        assertThrows(OspRequestException.class, () -> osp.createInstance("default", "ok-id", name.isEmpty() ? "b c" : name,
                List.of()));
        assertEquals(List.of("default"), osp.tenants().stream().map(t -> t.name()).toList());
        assertEquals(List.of("default"), osp.instances().stream().map(Instance::instanceId).toList());
    }

    @Test
    @DisplayName("CON-21/CON-22: unknown products, permissions, tenants and instances are refused clearly")
    void refusals() {
        osp.bootstrapDefault();
        assertEquals("Unknown product 'KAFKA': use one of SOFAREGISTRY, DRM, SCHEDULER, SOFAKAFKA",
                assertThrows(OspRequestException.class,
                        () -> osp.createInstance("default", "i2", null, List.of("KAFKA"))).getMessage());
        assertEquals("Unknown tenant nobody: create it first", assertThrows(OspRequestException.class,
                () -> osp.createInstance("nobody", "i2", null, List.of())).getMessage());
        assertEquals("Unknown instance i9: create it first", assertThrows(OspRequestException.class,
                () -> osp.createAccessKey("i9", List.of("a.b"))).getMessage());
        assertTrue(assertThrows(OspRequestException.class,
                () -> osp.createAccessKey("default", List.of("a.b'; --"))).getMessage().startsWith("Invalid permission"));
        assertTrue(assertThrows(OspRequestException.class,
                () -> osp.createAccessKey("default", List.of())).getMessage().startsWith("Missing permissions"));
        assertEquals("Tenant default already exists",
                assertThrows(OspRequestException.class, () -> osp.createTenant("default")).getMessage());
        assertEquals("Instance default already exists", assertThrows(OspRequestException.class,
                () -> osp.createInstance("default", "default", null, List.of())).getMessage());
        assertEquals("Unknown AccessKey AKNONE",
                assertThrows(OspRequestException.class, () -> osp.revokeAccessKey("AKNONE")).getMessage());
        assertTrue(osp.accessKeys().isEmpty());
    }
}
