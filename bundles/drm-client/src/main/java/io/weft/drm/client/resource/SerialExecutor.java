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

    /**
     * @throws RejectedExecutionException when the shared executor refused to run the queue (the client is
     *         closing, or an application's executor is full); the queued tasks are dropped, and the caller
     *         must treat its task as not run
     */
    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        schedule(true);
    }

    private void schedule(boolean rethrow) {
        try {
            delegate.execute(this::drain);
        } catch (RejectedExecutionException e) {
            if (rethrow) {
                synchronized (this) {
                    tasks.clear();
                    running = false;
                }
                throw e;
            }
            // Tasks already queued behind the one that just ran: their callers returned long ago and
            // wait for them, so this thread runs them rather than dropping them.
            drain();
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
                schedule(false);
            }
        }
    }
}
