package io.weft.auth.intelliproxy.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.auth.intelliproxy.Fixture;
import io.weft.auth.intelliproxy.password.PasswordHasher;
import io.weft.auth.intelliproxy.store.JdbcUserRepository;
import io.weft.auth.intelliproxy.store.SchemaInstaller;
import io.weft.auth.intelliproxy.TestDatabase;
import io.weft.testing.MutableClock;

class UserAdminTest {

    private final Fixture f = new Fixture();

    @Test
    @DisplayName("CON-23: creating a user without a password generates one that logs in")
    void generatedPassword() {
        char[] password = f.admin.create("alice", List.of("viewer"), null);
        assertEquals(20, password.length);
        assertTrue(f.logins.login("alice", password.clone(), "h").ok());
        assertNull(f.admin.create("bob", List.of("viewer"), "bobs-password".toCharArray()));
    }

    @Test
    @DisplayName("CON-23: bad input is refused with a clear message and nothing is written")
    void refusals() {
        assertThrows(IllegalArgumentException.class, () -> f.admin.create("a'; --", List.of("viewer"), null));
        IllegalArgumentException shortPw = assertThrows(IllegalArgumentException.class,
                () -> f.admin.create("carol", List.of("viewer"), "short".toCharArray()));
        assertTrue(shortPw.getMessage().contains("at least 10"));
        assertTrue(f.users.find("carol").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> f.admin.create("carol", List.of("no role!"), null));
        assertThrows(IllegalArgumentException.class, () -> f.admin.grant("viewer", "DROP TABLE"));
    }

    @Test
    @DisplayName("CON-23: nobody is locked out: the last user able to manage users cannot be disabled or demoted")
    void lastAdminKept() {
        assertThrows(IllegalArgumentException.class, () -> f.admin.setEnabled("root", false));
        assertThrows(IllegalArgumentException.class, () -> f.admin.setRoles("root", List.of("viewer")));
        assertThrows(IllegalArgumentException.class, () -> f.admin.revoke("admin", "*"));
        f.admin.create("second", List.of("admin"), "second-password".toCharArray());
        f.admin.setEnabled("root", false);
        assertFalse(f.users.find("root").orElseThrow().enabled());
        f.admin.setEnabled("watcher", false);
    }

    @Test
    @DisplayName("CON-23: the seeded console administrator becomes user admin with the same password, upgraded to Argon2id")
    void bootstrapFromSeededHash() {
        TestDatabase db = new TestDatabase();
        SchemaInstaller.ensureSchema(db);
        JdbcUserRepository repo = new JdbcUserRepository(db, new MutableClock());
        PasswordHasher hasher = new PasswordHasher(64, 1, 1);
        // {sha-256} of "s3cret-seeded", the form the launcher writes for the Web Console
        String seeded = "{sha-256}" + java.util.Base64.getEncoder().encodeToString(sha256("s3cret-seeded"));
        assertEquals("admin", BootstrapAdmin.ensure(repo, hasher, "admin", seeded));
        assertEquals(Set.of("admin"), repo.find("admin").orElseThrow().roles());

        io.weft.auth.intelliproxy.login.LoginService logins = new io.weft.auth.intelliproxy.login.LoginService(repo,
                hasher, new io.weft.auth.intelliproxy.login.LoginThrottle(new MutableClock(), 5,
                        java.time.Duration.ofMinutes(1)),
                new io.weft.auth.intelliproxy.session.SessionStore(new MutableClock(), java.time.Duration.ofMinutes(1), 10));
        assertTrue(logins.login("admin", "s3cret-seeded".toCharArray(), "h").ok());
        assertTrue(repo.find("admin").orElseThrow().passwordHash().startsWith("$argon2id$"), "upgraded at login");
        assertTrue(logins.login("admin", "s3cret-seeded".toCharArray(), "h").ok());

        assertNull(BootstrapAdmin.ensure(repo, hasher, "other", seeded), "only while no user exists");
    }

    @Test
    @DisplayName("CON-23: there is never a default password: the console's built-in admin/admin is not taken over")
    void noDefaultPassword() {
        TestDatabase db = new TestDatabase();
        SchemaInstaller.ensureSchema(db);
        JdbcUserRepository repo = new JdbcUserRepository(db, new MutableClock());
        PasswordHasher hasher = new PasswordHasher(64, 1, 1);
        assertNull(BootstrapAdmin.ensure(repo, hasher, null, null));
        assertNull(BootstrapAdmin.ensure(repo, hasher, "admin", BootstrapAdmin.WEBCONSOLE_DEFAULT_HASH));
        assertNull(BootstrapAdmin.ensure(repo, hasher, "admin", "admin"));
        assertTrue(repo.isEmpty());
        assertEquals("ops", BootstrapAdmin.ensure(repo, hasher, "ops", "plain-chosen-password"));
        assertTrue(repo.find("ops").orElseThrow().passwordHash().startsWith("$argon2id$"));
    }

    private static byte[] sha256(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
