package io.weft.registry.meta.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.api.auth.AccessGuard;
import io.weft.api.auth.Decision;
import io.weft.api.auth.Permissions;

class OpsGuardTest {

    private final AtomicReference<AccessGuard> guard = new AtomicReference<>();
    private final OpsGuard opsGuard = new OpsGuard(guard::get, new OpsResponses());

    private OpsGuard.Verdict call(String remote, String origin, String authorization) {
        return opsGuard.decide(remote, "10.0.0.1:9615", origin, null, authorization,
                Permissions.REGISTRY_PUSH_SWITCH_WRITE);
    }

    @Test
    @DisplayName("OPS-4: without an access guard, callers on the node's own host may change the group, others get 403 saying why")
    void withoutGuard() {
        assertTrue(call("127.0.0.1", null, null).allowed());
        assertTrue(call("::1", null, null).allowed());
        assertTrue(call("[0:0:0:0:0:0:0:1]", null, null).allowed());
        OpsGuard.Verdict remote = call("10.0.0.7", null, "Basic YWRtaW46YWRtaW4=");
        assertFalse(remote.allowed());
        assertEquals(403, remote.status());
        assertTrue(remote.reason().contains("no access guard"), remote.reason());
        assertTrue(remote.reason().contains(Permissions.REGISTRY_PUSH_SWITCH_WRITE), remote.reason());
    }

    @Test
    @DisplayName("OPS-4: with an access guard, its decision stands; a 401 carries its challenge")
    void withGuard() {
        guard.set(new AccessGuard() {
            @Override
            public Decision checkOps(String remoteAddress, String authorization, String permission) {
                return authorization == null ? Decision.unauthenticated("login required")
                        : Decision.forbidden("bob", "bob lacks " + permission);
            }

            @Override
            public Decision check(String remoteAddress, String authorization, String permission) {
                throw new AssertionError("ops endpoints use checkOps");
            }
        });
        OpsGuard.Verdict anonymous = call("127.0.0.1", null, null);
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.challenge().startsWith("Basic realm="));
        OpsGuard.Verdict bob = call("10.0.0.7", null, "Basic Ym9iOng=");
        assertEquals(403, bob.status());
        assertEquals("bob lacks registry.push-switch.write", bob.reason());
        assertNull(bob.challenge());
    }

    @Test
    @DisplayName("OPS-4, REG-62: a request from a page of another site is refused even from the node's own host")
    void crossSite() {
        assertEquals(403, call("127.0.0.1", "http://evil.example", null).status());
        assertTrue(call("127.0.0.1", "http://10.0.0.1:9615", null).allowed(), "the ops page's own origin");
    }

    @Test
    @DisplayName("OPS-4: loopback is recognised from the address literal alone")
    void loopback() {
        assertTrue(OpsGuard.isLoopback("127.0.0.1"));
        assertTrue(OpsGuard.isLoopback("127.1.2.3"));
        assertFalse(OpsGuard.isLoopback("127.example.com"));
        assertFalse(OpsGuard.isLoopback("10.0.0.1"));
        assertFalse(OpsGuard.isLoopback(null));
    }
}
