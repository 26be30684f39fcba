package io.weft.registry.session.cluster;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices when publications stop reaching the data servers and says where in {@code registry-session.log}, once
 * a stall, so that the next one can be explained. Two cases:
 * <ul>
 * <li>the data-sync thread runs nothing for {@code stallMillis} (a task of it is blocked): the line has that
 *     thread's stack;</li>
 * <li>the thread runs, publications wait, but none was sent or answered for {@code stallMillis}: the line is the
 *     sync's own account of what waits on what ({@code describe}, run on the thread).</li>
 * </ul>
 * Why: in a bench run a session sent nothing to either data server for 87 s after taking over a stopped session's
 * clients, and the data servers meanwhile dropped the stopped session's publications (docs/benchmarks.md, run of
 * 2026-12-07 05:03); nothing in the logs said why.
 *
 * <p>{@link #check()} is called from another thread than the data-sync thread, every heartbeat.
 */
final class SyncStallWatch {

    private static final Logger LOG = LoggerFactory.getLogger("registry.session");

    private final Executor syncThread;
    private final IntSupplier pending;
    private final LongSupplier lastProgressNanos;
    private final Runnable describe;
    private final LongSupplier nanos;
    private final long stallNanos;
    private final AtomicBoolean tickQueued = new AtomicBoolean();
    private volatile long queuedAtNanos;
    private volatile Thread runner;
    // Only on the checking thread.
    private boolean reportedBlocked;
    private boolean reportedIdle;

    /**
     * @param syncThread        the single thread publications are sent from
     * @param pending           publications waiting to be sent or answered
     * @param lastProgressNanos when the last call was sent or answered ({@code nanos}' clock)
     * @param describe          logs what waits on what; run on the sync thread
     */
    SyncStallWatch(Executor syncThread, IntSupplier pending, LongSupplier lastProgressNanos, Runnable describe,
            LongSupplier nanos, long stallMillis) {
        this.syncThread = syncThread;
        this.pending = pending;
        this.lastProgressNanos = lastProgressNanos;
        this.describe = describe;
        this.nanos = nanos;
        this.stallNanos = TimeUnit.MILLISECONDS.toNanos(stallMillis);
    }

    void check() {
        long now = nanos.getAsLong();
        if (tickQueued.compareAndSet(false, true)) {
            queuedAtNanos = now;
            try {
                syncThread.execute(() -> {
                    runner = Thread.currentThread();
                    tickQueued.set(false);
                });
            } catch (RejectedExecutionException closing) {
                return;
            }
        }
        // How long the check queued last has waited for the thread; 0 once it ran.
        long silent = tickQueued.get() ? now - queuedAtNanos : 0;
        if (silent > stallNanos) {
            if (!reportedBlocked) {
                reportedBlocked = true;
                LOG.warn("[cluster] the data-sync thread has not come to a check queued {} ms ago (blocked, or far"
                        + " behind); publications wait for it. It is at:{}", TimeUnit.NANOSECONDS.toMillis(silent),
                        stackOf(runner));
            }
            return;
        }
        reportedBlocked = false;
        boolean idle = pending.getAsInt() > 0 && now - lastProgressNanos.getAsLong() > stallNanos;
        if (idle && !reportedIdle) {
            reportedIdle = true;
            try {
                syncThread.execute(describe);
            } catch (RejectedExecutionException closing) {
                // Closing.
            }
        } else if (!idle) {
            reportedIdle = false;
        }
    }

    private static String stackOf(Thread thread) {
        if (thread == null) {
            return " (it has not run yet)";
        }
        StringBuilder stack = new StringBuilder();
        for (StackTraceElement frame : thread.getStackTrace()) {
            stack.append(System.lineSeparator()).append("\tat ").append(frame);
        }
        return stack.toString();
    }
}
