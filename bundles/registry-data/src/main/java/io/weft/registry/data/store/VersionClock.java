package io.weft.registry.data.store;

import java.util.function.LongSupplier;

/**
 * Datum versions, {@code epochMillis << 12 | sequence} (decision record 0021, RCP-12): from this server's clock,
 * and never below the highest version seen for the datum + 1, so versions rise across leader changes (a promoted
 * follower continues above its replica's) and restarts (the clock has moved on). Up to 4096 versions per
 * millisecond before the clock part runs ahead of time. Thread-safe.
 */
public final class VersionClock {

    private static final int SEQUENCE_BITS = 12;

    private final LongSupplier millis;
    private long last;

    public VersionClock(LongSupplier millis) {
        this.millis = millis;
    }

    /** A version above {@code highestSeen} and above every version this clock gave before. */
    public synchronized long next(long highestSeen) {
        long fromClock = millis.getAsLong() << SEQUENCE_BITS;
        last = Math.max(fromClock, Math.max(last, highestSeen) + 1);
        return last;
    }

    /** The wall-clock part of a version, for log lines. */
    public static long millisOf(long version) {
        return version >>> SEQUENCE_BITS;
    }
}
