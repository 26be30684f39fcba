package io.weft.auth.intelliproxy.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Refuses login attempts for a while after repeated failures, instead of sleeping on a server thread.
 *
 * <p>Counted per (user, caller address), so guessing one user's password from one host stops after
 * {@code maxFailures}, and per caller address with four times the limit, so one host cannot walk
 * through many user names. Not per user alone: anyone could then lock the administrator out. A lock
 * lasts {@code lockout}; a success clears the (user, address) count.
 *
 * <p>Remembers at most {@value #MAX_ENTRIES} keys, dropping the least recently touched, so memory is
 * bounded whatever callers send. Time comes from the injected {@link Clock}. Thread-safe.
 */
public final class LoginThrottle {

    static final int MAX_ENTRIES = 10_000;
    private static final int ADDRESS_FACTOR = 4;

    private final Clock clock;
    private final Map<String, Failures> failures = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private volatile int maxFailures;
    private volatile Duration lockout;

    public LoginThrottle(Clock clock, int maxFailures, Duration lockout) {
        this.clock = clock;
        configure(maxFailures, lockout);
    }

    public void configure(int maxFailures, Duration lockout) {
        if (maxFailures < 1 || lockout.isNegative()) {
            throw new IllegalArgumentException("maxFailures must be at least 1 and lockout not negative");
        }
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    /** Whether an attempt for {@code user} from {@code address} must be refused without checking it. */
    public synchronized boolean blocked(String user, String address) {
        Instant now = clock.instant();
        return locked(userKey(user, address), now) || locked(addressKey(address), now);
    }

    public synchronized void failed(String user, String address) {
        Instant now = clock.instant();
        count(userKey(user, address), maxFailures, now);
        count(addressKey(address), maxFailures * ADDRESS_FACTOR, now);
    }

    public synchronized void succeeded(String user, String address) {
        failures.remove(userKey(user, address));
    }

    synchronized int size() {
        return failures.size();
    }

    private boolean locked(String key, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.lockedUntil == null) {
            return false;
        }
        if (now.isBefore(f.lockedUntil)) {
            return true;
        }
        failures.remove(key);
        return false;
    }

    private void count(String key, int limit, Instant now) {
        Failures f = failures.computeIfAbsent(key, k -> new Failures());
        if (f.lockedUntil != null && !now.isBefore(f.lockedUntil)) {
            f.count = 0;
            f.lockedUntil = null;
        }
        f.count++;
        if (f.count >= limit) {
            f.lockedUntil = now.plus(lockout);
        }
    }

    private static String userKey(String user, String address) {
        return "u:" + user + "@" + address;
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }

    private static final class Failures {
        int count;
        Instant lockedUntil;
    }
}
