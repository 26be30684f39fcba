package io.weft.auth.intelliproxy.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.testing.MutableClock;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock, 3, Duration.ofMinutes(5));

    @Test
    @DisplayName("CON-23: after repeated failures for a user from an address, attempts are refused for the lockout")
    void locksThenReleases() {
        throttle.failed("alice", "10.0.0.1");
        throttle.failed("alice", "10.0.0.1");
        assertFalse(throttle.blocked("alice", "10.0.0.1"));
        throttle.failed("alice", "10.0.0.1");
        assertTrue(throttle.blocked("alice", "10.0.0.1"));
        assertFalse(throttle.blocked("alice", "10.0.0.2"), "another host is not locked out of alice");
        assertFalse(throttle.blocked("bob", "10.0.0.1"), "the address is not locked for other users yet");
        clock.advance(Duration.ofMinutes(5));
        assertFalse(throttle.blocked("alice", "10.0.0.1"));
    }

    @Test
    @DisplayName("CON-23: one address trying many user names is locked out at four times the limit")
    void perAddress() {
        for (int i = 0; i < 12; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }
        assertTrue(throttle.blocked("someone-else", "10.0.0.9"));
    }

    @Test
    @DisplayName("a success clears the count; memory stays bounded whatever callers send")
    void successAndBound() {
        throttle.failed("alice", "h");
        throttle.failed("alice", "h");
        throttle.succeeded("alice", "h");
        throttle.failed("alice", "h");
        assertFalse(throttle.blocked("alice", "h"));
        for (int i = 0; i < LoginThrottle.MAX_ENTRIES + 500; i++) {
            throttle.failed("u", "10.1." + i);
        }
        assertEquals(LoginThrottle.MAX_ENTRIES, throttle.size());
    }
}
