package io.weft.auth.osp.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.api.osp.AccessKey;
import io.weft.api.osp.Instance;
import io.weft.auth.osp.testing.Derby;

class JdbcOspRepositoryTest {

    private static final Instant T = Instant.parse("2026-11-22T10:00:00.123Z");

    private final Derby db = Derby.memory();
    private final JdbcOspRepository repo;

    JdbcOspRepositoryTest() {
        assertTrue(SchemaInstaller.ensureSchema(db));
        repo = new JdbcOspRepository(db);
    }

    @Test
    @DisplayName("The schema is created once; a second start finds it")
    void schemaOnce() {
        assertFalse(SchemaInstaller.ensureSchema(db));
    }

    @Test
    @DisplayName("CON-20/CON-21: tenants and instances with their products round-trip through Derby")
    void tenantsAndInstances() {
        repo.createTenant(new Tenant("acme", T));
        repo.createTenant(new Tenant("beta", T));
        repo.createInstance(new Instance("i-2", "acme", "ws1", Set.of("DRM", "SOFAREGISTRY")), T);
        repo.createInstance(new Instance("i-1", "beta", "default", Set.of()), T);

        assertEquals(List.of(new Tenant("acme", T), new Tenant("beta", T)), repo.tenants());
        assertEquals(List.of("i-1", "i-2"), repo.instances().stream().map(Instance::instanceId).toList());
        Instance i2 = repo.instance("i-2").orElseThrow();
        assertEquals(new Instance("i-2", "acme", "ws1", Set.of("DRM", "SOFAREGISTRY")), i2);
        assertEquals(Set.of(), repo.instance("i-1").orElseThrow().products());
        assertTrue(repo.instance("nope").isEmpty());
        assertTrue(repo.tenant("nope").isEmpty());
    }

    @Test
    @DisplayName("CON-22: AccessKeys with permissions round-trip; revoking marks them once")
    void accessKeys() {
        repo.createTenant(new Tenant("acme", T));
        repo.createInstance(new Instance("i-1", "acme", "default", Set.of("DRM")), T);
        AccessKey key = new AccessKey("AK1", "i-1", Set.of("antcloud.deps.cell.list", "a.b"), T, null);
        repo.createAccessKey(new StoredKey(key, "v1:cipher"));

        StoredKey read = repo.accessKey("AK1").orElseThrow();
        assertEquals(key, read.key());
        assertEquals("v1:cipher", read.secretCipher());
        assertEquals(List.of(key), repo.accessKeys().stream().map(StoredKey::key).toList());

        assertTrue(repo.revokeAccessKey("AK1", T.plusSeconds(5)));
        assertFalse(repo.revokeAccessKey("AK1", T.plusSeconds(6)), "already revoked");
        assertFalse(repo.revokeAccessKey("AK-none", T));
        assertEquals(T.plusSeconds(5), repo.accessKey("AK1").orElseThrow().key().revokedAt());
    }

    @Test
    @DisplayName("A duplicate is refused as such and leaves the first row as it was")
    void duplicates() {
        repo.createTenant(new Tenant("acme", T));
        assertThrows(DuplicateEntryException.class, () -> repo.createTenant(new Tenant("acme", T.plusSeconds(1))));
        assertEquals(T, repo.tenant("acme").orElseThrow().createdAt());
    }

    @Test
    @DisplayName("A write failing half-way leaves nothing: the instance row goes with its failed products")
    void atomicWrites() throws SQLException {
        // An instance whose tenant is missing fails on the foreign key after nothing else; one whose
        // product is too long fails after the instance row was inserted: both must leave no row.
        assertThrows(StoreException.class,
                () -> repo.createInstance(new Instance("i-x", "missing", "default", Set.of()), T));
        repo.createTenant(new Tenant("acme", T));
        assertThrows(StoreException.class, () -> repo.createInstance(
                new Instance("i-y", "acme", "default", Set.of("P".repeat(40))), T));
        assertEquals(0, count("osp_instance"));
        assertEquals(0, count("osp_instance_product"));
    }

    private int count(String table) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getInt(1);
        }
    }
}
