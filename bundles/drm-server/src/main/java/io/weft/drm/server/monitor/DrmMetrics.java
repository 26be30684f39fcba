package io.weft.drm.server.monitor;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The node's counters (DRM-14): client notifications by outcome, pulls by HTTP status, heartbeats; and
 * the per-minute figures taken from them by {@link #rollMinute()}, which the monitor task calls once a
 * minute. Thread-safe and cheap on the hot paths (striped adders).
 */
public final class DrmMetrics {

    private final LongAdder pushesOk = new LongAdder();
    private final LongAdder pushesFailed = new LongAdder();
    private final LongAdder heartbeats = new LongAdder();
    private final Map<Integer, LongAdder> pulls = new ConcurrentHashMap<>();
    private long pushesAtMinuteStart;
    private long pullsAtMinuteStart;
    private volatile long pushesLastMinute;
    private volatile double pullQpsLastMinute;

    public void pushed(boolean ok) {
        (ok ? pushesOk : pushesFailed).increment();
    }

    public void heartbeat() {
        heartbeats.increment();
    }

    public void pulled(int status) {
        pulls.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    public long pushesOk() {
        return pushesOk.sum();
    }

    public long pushesFailed() {
        return pushesFailed.sum();
    }

    public long heartbeats() {
        return heartbeats.sum();
    }

    /** Pulls answered, by HTTP status. */
    public Map<Integer, Long> pullsByStatus() {
        Map<Integer, Long> m = new TreeMap<>();
        pulls.forEach((status, n) -> m.put(status, n.sum()));
        return m;
    }

    public long pullsTotal() {
        return pulls.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Notifications sent in the last full minute. */
    public long pushesLastMinute() {
        return pushesLastMinute;
    }

    /** Average pulls per second over the last full minute. */
    public double pullQpsLastMinute() {
        return pullQpsLastMinute;
    }

    /** Closes the current minute: called once a minute by one thread. */
    public synchronized void rollMinute() {
        long pushes = pushesOk() + pushesFailed();
        long pullCount = pullsTotal();
        pushesLastMinute = pushes - pushesAtMinuteStart;
        pullQpsLastMinute = (pullCount - pullsAtMinuteStart) / 60.0;
        pushesAtMinuteStart = pushes;
        pullsAtMinuteStart = pullCount;
    }
}
