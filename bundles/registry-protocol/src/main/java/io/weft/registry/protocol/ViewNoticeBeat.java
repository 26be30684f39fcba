package io.weft.registry.protocol;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a session or data server does at a {@link ViewChanged} notice: one heartbeat now, on its heartbeat executor,
 * however many notices come before that heartbeat starts (a burst of operator writes is one heartbeat, and the view
 * it brings back has them all). A notice that comes while the heartbeat runs queues one more, so the last change is
 * never missed. Thread-safe: notices come on Bolt's threads.
 */
public final class ViewNoticeBeat {

    private final Executor executor;
    private final Runnable heartbeat;
    private final AtomicBoolean queued = new AtomicBoolean();

    /**
     * @param executor  the node's heartbeat executor, so that the heartbeat never runs beside a periodic one
     * @param heartbeat one heartbeat round; it must not throw
     */
    public ViewNoticeBeat(Executor executor, Runnable heartbeat) {
        this.executor = executor;
        this.heartbeat = heartbeat;
    }

    /** A notice came: queues a heartbeat unless one is queued and has not started. */
    public void noticed() {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                queued.set(false);
                heartbeat.run();
            });
        } catch (RejectedExecutionException e) {
            queued.set(false); // the node is closing
        }
    }
}
