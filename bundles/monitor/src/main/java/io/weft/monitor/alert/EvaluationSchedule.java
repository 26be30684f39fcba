package io.weft.monitor.alert;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the alert evaluation on one thread of its own: at once, then every interval. Kept apart from the
 * component so that rescheduling on a configuration change is tested without OSGi.
 */
public final class EvaluationSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EvaluationSchedule.class);

    private final Runnable task;
    private final ScheduledExecutorService executor;
    /** Guarded by {@code this}. */
    private ScheduledFuture<?> periodic;
    /** Guarded by {@code this}. */
    private long intervalSeconds;

    /**
     * @param task       the evaluation; an exception it throws is logged and the next run still happens
     * @param threadName the name of the one thread, so it can be told apart in a thread dump
     */
    public EvaluationSchedule(Runnable task, String threadName) {
        this.task = task;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            // A monitor must never be what keeps a stopping JVM alive.
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs the task now and then every {@code seconds}. With the interval unchanged the periodic run is
     * left where it is and only the immediate run is added, so a new threshold is applied at once.
     */
    public synchronized void schedule(long seconds) {
        if (executor.isShutdown()) {
            throw new IllegalStateException("closed");
        }
        if (periodic != null && seconds == intervalSeconds) {
            executor.execute(this::runGuarded);
            return;
        }
        if (periodic != null) {
            periodic.cancel(false);
        }
        intervalSeconds = seconds;
        periodic = executor.scheduleWithFixedDelay(this::runGuarded, 0, seconds, TimeUnit.SECONDS);
    }

    /** The interval in force, 0 before the first {@link #schedule}. */
    public synchronized long intervalSeconds() {
        return intervalSeconds;
    }

    /** Stops the thread; a run in progress is interrupted and waited for briefly. */
    @Override
    public synchronized void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Alert evaluation did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True once {@link #close()} has stopped the thread. */
    public boolean isTerminated() {
        return executor.isTerminated();
    }

    // A scheduled task that throws is never run again: catch, so one bad measurement stops nothing.
    private void runGuarded() {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("Alert evaluation failed", e);
        }
    }
}
