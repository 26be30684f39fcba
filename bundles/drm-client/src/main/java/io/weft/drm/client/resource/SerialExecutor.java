package io.weft.drm.client.resource;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs its tasks one at a time, in submission order, on a shared executor: one resource's changes never
 * overlap, while other resources' changes run beside them (DRM-27).
 */
public final class SerialExecutor implements Executor {

    private final Executor delegate;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    public SerialExecutor(Executor delegate) {
        this.delegate = delegate;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        schedule();
    }

    private void schedule() {
        try {
            delegate.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // The client is closing: what was queued is dropped with it.
            synchronized (this) {
                tasks.clear();
                running = false;
            }
        }
    }

    private void drain() {
        Runnable next;
        synchronized (this) {
            next = tasks.poll();
            if (next == null) {
                running = false;
                return;
            }
        }
        try {
            next.run();
        } finally {
            // One task per turn, so a resource with a long queue does not hold a pooled thread for ever.
            boolean more;
            synchronized (this) {
                more = !tasks.isEmpty();
                if (!more) {
                    running = false;
                }
            }
            if (more) {
                schedule();
            }
        }
    }
}
