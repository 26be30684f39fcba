package io.weft.auth.intelliproxy.access;

import static io.weft.auth.intelliproxy.Fixture.basic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.api.auth.Decision;
import io.weft.api.auth.Permissions;
import io.weft.auth.intelliproxy.Fixture;

class AccessPolicyTest {

    private static final String PUSH = Permissions.REGISTRY_PUSH_SWITCH_WRITE;
    private final Fixture f = new Fixture();

    @Test
    @DisplayName("OPS-4: ops calls from loopback (curl on localhost) are allowed without credentials by default")
    void loopbackAllowedByDefault() {
        for (String local : List.of("127.0.0.1", "127.1.2.3", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1", "[::1]")) {
            Decision d = f.policy.checkOps(local, null, PUSH);
            assertTrue(d.allowed(), local);
            assertNull(d.principal());
        }
        Decision remote = f.policy.checkOps("10.106.6.214", null, PUSH);
        assertEquals(Decision.Outcome.UNAUTHENTICATED, remote.outcome());
        assertEquals(401, remote.httpStatus());
        assertTrue(remote.challenge().startsWith("Basic "));
    }

    @Test
    @DisplayName("OPS-4: with opsRequireLoginFromLoopback on, loopback ops calls need a user holding the permission")
    void loopbackDeniedWhenSwitchOn() {
        f.policy.configure(new AccessPolicy.Settings(true, true));
        assertEquals(Decision.Outcome.UNAUTHENTICATED, f.policy.checkOps("127.0.0.1", null, PUSH).outcome());
        Decision viewer = f.policy.checkOps("127.0.0.1", basic("watcher", Fixture.VIEWER_PASSWORD), PUSH);
        assertEquals(Decision.Outcome.FORBIDDEN, viewer.outcome());
        assertEquals(403, viewer.httpStatus());
        Decision admin = f.policy.checkOps("127.0.0.1", basic("root", Fixture.ADMIN_PASSWORD), PUSH);
        assertTrue(admin.allowed());
        assertEquals("root", admin.principal());
    }

    @Test
    @DisplayName("CON-23: a role granted one ops permission gets that one only")
    void grantedPermission() {
        f.admin.grant("registry-ops", PUSH);
        f.admin.create("ops1", List.of("registry-ops"), "ops1-password".toCharArray());
        String auth = basic("ops1", "ops1-password");
        assertTrue(f.policy.checkOps("10.0.0.5", auth, PUSH).allowed());
        assertFalse(f.policy.checkOps("10.0.0.5", auth, Permissions.REGISTRY_PEER_WRITE).allowed());
    }

    @Test
    @DisplayName("CON-23: wrong password, unknown user, disabled user and garbage headers are unauthenticated")
    void refusedCredentials() {
        assertEquals(Decision.Outcome.UNAUTHENTICATED,
                f.policy.check("10.0.0.1", basic("root", "wrong-password"), PUSH).outcome());
        assertEquals(Decision.Outcome.UNAUTHENTICATED,
                f.policy.check("10.0.0.2", basic("nobody", "whatever-pass"), PUSH).outcome());
        assertEquals(Decision.Outcome.UNAUTHENTICATED,
                f.policy.check("10.0.0.3", basic("admin' OR '1'='1", "x"), PUSH).outcome());
        assertEquals(Decision.Outcome.UNAUTHENTICATED, f.policy.check("10.0.0.4", "Basic !!!", PUSH).outcome());
        assertEquals(Decision.Outcome.UNAUTHENTICATED, f.policy.check("10.0.0.4", "Digest x", PUSH).outcome());

        f.admin.create("temp", List.of("admin"), "temp-password".toCharArray());
        assertTrue(f.policy.check("10.0.0.5", basic("temp", "temp-password"), PUSH).allowed());
        f.admin.setEnabled("temp", false);
        assertEquals(Decision.Outcome.UNAUTHENTICATED,
                f.policy.check("10.0.0.5", basic("temp", "temp-password"), PUSH).outcome());
    }

    @Test
    @DisplayName("CON-23: repeated wrong passwords are throttled (429), and the lock lifts after its time")
    void throttled() {
        for (int i = 0; i < 3; i++) {
            f.policy.check("10.0.0.7", basic("root", "bad-" + i), PUSH);
        }
        Decision d = f.policy.check("10.0.0.7", basic("root", Fixture.ADMIN_PASSWORD), PUSH);
        assertEquals(Decision.Outcome.THROTTLED, d.outcome());
        assertEquals(429, d.httpStatus());
        f.clock.advance(Duration.ofMinutes(5));
        assertTrue(f.policy.check("10.0.0.7", basic("root", Fixture.ADMIN_PASSWORD), PUSH).allowed());
    }

    @Test
    @DisplayName("CON-23: a session token works as a Bearer credential until it expires")
    void bearerSession() {
        Principal root = f.logins.login("root", Fixture.ADMIN_PASSWORD.toCharArray(), "10.0.0.8").principal();
        String token = f.logins.startSession(root).token();
        assertTrue(f.policy.check("10.0.0.8", "Bearer " + token, PUSH).allowed());
        f.clock.advance(Duration.ofMinutes(31));
        assertEquals(Decision.Outcome.UNAUTHENTICATED, f.policy.check("10.0.0.8", "Bearer " + token, PUSH).outcome());
    }

    @Test
    @DisplayName("CON-23: switched off, intelliproxy allows every call")
    void disabled() {
        f.policy.configure(new AccessPolicy.Settings(false, true));
        assertTrue(f.policy.checkOps("10.0.0.1", null, PUSH).allowed());
        assertTrue(f.policy.check("10.0.0.1", null, Permissions.CONSOLE_USERS_WRITE).allowed());
    }

    @Test
    @DisplayName("CON-23: '*' grants all, 'console.*' grants console permissions only")
    void patterns() {
        Principal p = new Principal("x", java.util.Set.of(), java.util.Set.of("console.*"));
        assertTrue(p.has(Permissions.CONSOLE_CONFIG_WRITE));
        assertFalse(p.has(PUSH));
        assertFalse(p.has("consoleX.read"));
        assertTrue(new Principal("y", java.util.Set.of(), java.util.Set.of("*")).has(PUSH));
    }

    @Test
    @DisplayName("loopback is judged from the literal address only")
    void loopbackLiterals() {
        assertFalse(Loopback.is("localhost"));
        assertFalse(Loopback.is("127.0.0.1.evil.example"));
        assertFalse(Loopback.is("128.0.0.1"));
        assertFalse(Loopback.is(null));
        assertFalse(Loopback.is("127.0.0.256"));
    }
}
