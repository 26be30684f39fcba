package io.weft.auth.intelliproxy.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.testing.MutableClock;

class SessionStoreTest {

    private final MutableClock clock = new MutableClock();
    private final SessionStore store = new SessionStore(clock, Duration.ofMinutes(30), 3);

    @Test
    @DisplayName("CON-23: a session expires after the idle timeout; each use moves the expiry on")
    void idleExpiry() {
        Session s = store.create("alice");
        clock.advance(Duration.ofMinutes(29));
        assertTrue(store.use(s.token()).isPresent());
        clock.advance(Duration.ofMinutes(29));
        assertTrue(store.use(s.token()).isPresent(), "used 29 minutes ago");
        clock.advance(Duration.ofMinutes(30));
        assertTrue(store.use(s.token()).isEmpty(), "idle for the whole timeout");
        assertEquals(0, store.size());
    }

    @Test
    @DisplayName("CON-23: a shorter timeout applies to open sessions; ending a user's sessions ends them all")
    void reconfigureAndEndAll() {
        Session a = store.create("alice");
        Session b = store.create("alice");
        Session c = store.create("bob");
        assertNotEquals(a.token(), b.token());
        clock.advance(Duration.ofMinutes(10));
        store.setTimeout(Duration.ofMinutes(5));
        assertTrue(store.use(c.token()).isEmpty());
        store.setTimeout(Duration.ofMinutes(30));
        store.endAll("alice");
        assertTrue(store.use(a.token()).isEmpty());
        assertTrue(store.use(b.token()).isEmpty());
        assertTrue(store.use("no-such-token").isEmpty());
        assertTrue(store.use(null).isEmpty());
    }

    @Test
    @DisplayName("sessions are bounded: past the maximum the least recently used is dropped")
    void bounded() {
        Session first = store.create("a");
        clock.advance(Duration.ofSeconds(1));
        Session second = store.create("b");
        clock.advance(Duration.ofSeconds(1));
        store.create("c");
        clock.advance(Duration.ofSeconds(1));
        store.use(first.token());
        store.create("d");
        assertEquals(3, store.size());
        assertTrue(store.use(second.token()).isEmpty());
        assertTrue(store.use(first.token()).isPresent());
    }
}
