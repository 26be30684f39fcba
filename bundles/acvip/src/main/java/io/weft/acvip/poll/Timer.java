package io.weft.acvip.poll;

import java.time.Duration;

/** Runs a task after a delay; a {@code ScheduledExecutorService} in the node, a manual one in tests. */
@FunctionalInterface
public interface Timer {

    /** Schedules the task; the returned handle cancels it. */
    Runnable schedule(Runnable task, Duration delay);
}
