package io.weft.codec.bolt.guard;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * ERROR (or WARN) lines about bad input or a failing peer, at most one per key (e.g. kind of refusal and peer address, or
 * failure and data server) per interval. A flood must not flood {@code common-error.log}: its alerts count lines
 * (OPS-22, e.g. {@code session_error_prod}).
 * The lines left out are counted, and the next line of the key says how many there were; the metrics count
 * every refusal. Thread-safe.
 */
public final class LogThrottle {

    private final Logger logger;
    private final long intervalMillis;
    private final LongSupplier millis;
    private final Map<String, Entry> byKey = new HashMap<>();
    private long lastSweep;

    /** When a key last got a line, and how many of its lines were left out since. */
    private static final class Entry {
        long loggedAt;
        long skipped;
    }

    /**
     * @param millis the time, injected so tests need not sleep
     */
    public LogThrottle(Logger logger, long intervalMillis, LongSupplier millis) {
        this.logger = logger;
        this.intervalMillis = intervalMillis;
        this.millis = millis;
        this.lastSweep = millis.getAsLong();
    }

    /** Logs {@code format} with {@code args} at ERROR unless {@code key} had a line less than an interval ago. */
    public void error(String key, String format, Object... args) {
        log(logger::error, key, format, args);
    }

    /** Logs {@code format} with {@code args} at WARN unless {@code key} had a line less than an interval ago. */
    public void warn(String key, String format, Object... args) {
        log(logger::warn, key, format, args);
    }

    private void log(BiConsumer<String, Object[]> level, String key, String format, Object... args) {
        long skipped = admit(key);
        if (skipped == 0) {
            level.accept(format, args);
        } else if (skipped > 0) {
            Object[] more = Arrays.copyOf(args, args.length + 1);
            more[args.length] = skipped;
            level.accept(format + " ({} more like this since the previous line)", more);
        }
    }

    /** @return -1 to stay silent, else how many lines of the key were left out since its last one */
    private synchronized long admit(String key) {
        long now = millis.getAsLong();
        sweep(now);
        Entry entry = byKey.get(key);
        if (entry == null) {
            entry = new Entry();
            entry.loggedAt = now;
            byKey.put(key, entry);
            return 0;
        }
        if (now - entry.loggedAt < intervalMillis) {
            entry.skipped++;
            return -1;
        }
        long skipped = entry.skipped;
        entry.loggedAt = now;
        entry.skipped = 0;
        return skipped;
    }

    /**
     * Once an interval, forgets the keys that had no line for two: the map holds the keys of recent lines only,
     * however many addresses a flood comes from. A forgotten key's count of left-out lines is dropped from the
     * log (the metrics keep it); its next line comes at once anyway.
     */
    private void sweep(long now) {
        if (now - lastSweep < intervalMillis) {
            return;
        }
        lastSweep = now;
        byKey.values().removeIf(entry -> now - entry.loggedAt >= 2 * intervalMillis);
    }
}
