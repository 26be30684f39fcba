package io.weft.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC clock that moves only when a test moves it, so leases, timeouts and windows are tested by advancing
 * time instead of sleeping. Thread-safe: the code under test may read it from its own threads while the test
 * advances it.
 */
public final class MutableClock extends Clock {

    /** Any fixed instant: tests that do not care when they run still run at the same time each time. */
    private static final Instant DEFAULT_START = Instant.parse("2026-11-22T03:00:00Z");

    private final AtomicReference<Instant> now;

    /** Starts at 2026-11-22T03:00:00Z. */
    public MutableClock() {
        this(DEFAULT_START);
    }

    public MutableClock(Instant start) {
        now = new AtomicReference<>(start);
    }

    public MutableClock(long startEpochMillis) {
        this(Instant.ofEpochMilli(startEpochMillis));
    }

    public void advance(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
    }

    public void advanceMillis(long millis) {
        now.updateAndGet(t -> t.plusMillis(millis));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public long millis() {
        return now.get().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** This clock itself, whatever the zone: tests read instants, not local times. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
