package io.weft.drm.server.monitor;

import java.util.concurrent.ThreadPoolExecutor;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.SingleThreadEventExecutor;

/**
 * One line of {@code drmdata-threadpool.log} (DRM-21):
 * {@code threadPoolName,queuedTasks,activeThreads,idleThreads,totalThreads}.
 */
public record PoolStats(String name, long queued, int active, int idle, int total) {

    public String line() {
        return name + "," + queued + "," + active + "," + idle + "," + total;
    }

    /** A JDK pool: its queue, threads running a task, and the others. */
    public static PoolStats of(String name, ThreadPoolExecutor pool) {
        int total = pool.getPoolSize();
        int active = pool.getActiveCount();
        return new PoolStats(name, pool.getQueue().size(), active, Math.max(0, total - active), total);
    }

    /**
     * Netty event loops: each loop is one thread; a loop with tasks waiting counts as active (Netty does
     * not tell whether a loop is busy at this instant).
     */
    public static PoolStats of(String name, EventExecutorGroup group) {
        long queued = 0;
        int active = 0;
        int total = 0;
        for (EventExecutor e : group) {
            total++;
            if (e instanceof SingleThreadEventExecutor s) {
                int pending = s.pendingTasks();
                queued += pending;
                if (pending > 0) {
                    active++;
                }
            }
        }
        return new PoolStats(name, queued, active, total - active, total);
    }
}
