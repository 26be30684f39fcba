package io.weft.auth.intelliproxy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.auth.intelliproxy.TestDatabase;
import io.weft.auth.intelliproxy.user.Role;
import io.weft.auth.intelliproxy.user.User;
import io.weft.testing.MutableClock;

class JdbcUserRepositoryTest {

    private final TestDatabase db = new TestDatabase();
    private final JdbcUserRepository repo;

    JdbcUserRepositoryTest() {
        assertTrue(SchemaInstaller.ensureSchema(db));
        repo = new JdbcUserRepository(db, new MutableClock());
    }

    @Test
    @DisplayName("CON-23: the V1 script creates the tables once, with roles admin (*) and viewer (console.read)")
    void schemaAndDefaultRoles() {
        assertFalse(SchemaInstaller.ensureSchema(db), "second start finds the tables");
        assertTrue(repo.isEmpty());
        List<Role> roles = repo.roles();
        assertEquals(List.of("admin", "viewer"), roles.stream().map(Role::name).toList());
        assertEquals(Set.of("*"), roles.get(0).permissions());
        assertEquals(Set.of("console.read"), roles.get(1).permissions());
    }

    @Test
    @DisplayName("CON-23: users are stored with hash, state and roles, on Derby")
    void usersRoundTrip() {
        repo.create("alice", "$hash-a", Set.of("admin", "viewer"));
        repo.create("bob", "$hash-b", Set.of());
        User alice = repo.find("alice").orElseThrow();
        assertEquals("$hash-a", alice.passwordHash());
        assertTrue(alice.enabled());
        assertEquals(Set.of("admin", "viewer"), alice.roles());
        assertEquals(List.of("alice", "bob"), repo.users().stream().map(User::name).toList());

        repo.setEnabled("bob", false);
        repo.setPasswordHash("bob", "$hash-b2");
        repo.setRoles("bob", Set.of("viewer"));
        User bob = repo.find("bob").orElseThrow();
        assertFalse(bob.enabled());
        assertEquals("$hash-b2", bob.passwordHash());
        assertEquals(Set.of("viewer"), bob.roles());
        assertEquals(Set.of("console.read"), repo.permissionsOf(bob.roles()));
        assertTrue(repo.find("carol").isEmpty());
    }

    @Test
    @DisplayName("CON-23: a refused change leaves nothing half-written")
    void atomicRefusals() {
        repo.create("alice", "$h", Set.of("viewer"));
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
                () -> repo.create("alice", "$other", Set.of("admin")));
        assertTrue(dup.getMessage().contains("already exists"));
        assertEquals(Set.of("viewer"), repo.find("alice").orElseThrow().roles());

        assertThrows(IllegalArgumentException.class, () -> repo.create("bob", "$h", Set.of("viewer", "nosuch")));
        assertTrue(repo.find("bob").isEmpty(), "no user without its roles");

        assertThrows(IllegalArgumentException.class, () -> repo.setRoles("alice", Set.of("nosuch")));
        assertEquals(Set.of("viewer"), repo.find("alice").orElseThrow().roles(), "roles kept on refusal");
        assertThrows(IllegalArgumentException.class, () -> repo.setEnabled("nobody", false));
    }

    @Test
    @DisplayName("CON-23: granting creates the role; grant twice is one grant; revoke takes it away")
    void grantRevoke() {
        repo.grant("registry-ops", "registry.push-switch.write");
        repo.grant("registry-ops", "registry.push-switch.write");
        repo.grant("registry-ops", "registry.peer.write");
        assertEquals(Set.of("registry.peer.write", "registry.push-switch.write"),
                repo.permissionsOf(Set.of("registry-ops")));
        repo.revoke("registry-ops", "registry.peer.write");
        assertEquals(Set.of("registry.push-switch.write"), repo.permissionsOf(Set.of("registry-ops")));
    }

    @Test
    @DisplayName("the migration script splits into its statements")
    void scriptStatements() {
        List<String> sql = SchemaInstaller.statements("-- c\nCREATE TABLE a (x INT);\n\nINSERT INTO a\n VALUES (1);\n");
        assertEquals(List.of("CREATE TABLE a (x INT)", "INSERT INTO a\nVALUES (1)"), sql);
    }
}
