package io.weft.registry.meta.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.api.auth.Permissions;
import io.weft.auth.intelliproxy.Fixture;

/**
 * The meta's guard of {@code /persistentData/*} with the console role's real access guard (intelliproxy, users
 * {@code root} of role admin and {@code watcher} of role viewer), for a caller on another host: what a console on
 * another host meets when it writes overrides (REG-66). Every test node binds 127.0.0.1, which the meta treats as
 * its own host, so this is where the other-host path is decided with real users and passwords.
 */
class OpsGuardIntelliproxyTest {

    private static final String CONSOLE_HOST = "10.0.0.7";

    private final Fixture intelliproxy = new Fixture();
    private final OpsGuard guard = new OpsGuard(() -> intelliproxy.policy, new OpsResponses());

    private OpsGuard.Verdict write(String remote, String authorization) {
        return guard.decide(remote, "10.0.0.1:9615", null, null, authorization,
                Permissions.REGISTRY_PERSISTENT_DATA_WRITE);
    }

    @Test
    @DisplayName("REG-66, OPS-4: a console on another host writes persistent data with HTTP Basic of a user holding"
            + " registry.persistent-data.write")
    void otherHostWithLogin() {
        OpsGuard.Verdict verdict = write(CONSOLE_HOST, Fixture.basic("root", Fixture.ADMIN_PASSWORD));
        assertTrue(verdict.allowed(), verdict.reason());
        assertEquals("root", verdict.caller());
    }

    @Test
    @DisplayName("REG-66, OPS-4: from another host without login the write is refused 401 with a Basic challenge")
    void otherHostWithoutLogin() {
        OpsGuard.Verdict verdict = write(CONSOLE_HOST, null);
        assertFalse(verdict.allowed());
        assertEquals(401, verdict.status());
        assertEquals("login required", verdict.reason());
        assertNotNull(verdict.challenge());
        assertTrue(verdict.challenge().startsWith("Basic "), verdict.challenge());
    }

    @Test
    @DisplayName("REG-66, OPS-4: from another host a wrong password is 401 and a user without the permission 403")
    void otherHostRefusedLogins() {
        OpsGuard.Verdict wrong = write(CONSOLE_HOST, Fixture.basic("root", "not-the-password"));
        assertEquals(401, wrong.status());
        assertEquals("invalid credentials", wrong.reason());
        OpsGuard.Verdict viewer = write(CONSOLE_HOST, Fixture.basic("watcher", Fixture.VIEWER_PASSWORD));
        assertEquals(403, viewer.status());
        assertEquals("user watcher lacks permission registry.persistent-data.write", viewer.reason());
    }

    @Test
    @DisplayName("OPS-4: on the meta's own host the write needs no login (the ops guide's curl), unless the guard"
            + " says otherwise")
    void ownHost() {
        assertTrue(write("127.0.0.1", null).allowed());
        assertTrue(write("::1", null).allowed());
    }
}
