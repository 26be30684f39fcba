package io.weft.registry.data;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of one data server, named {@code weft-data-<job>-<n>}: daemons, so a stuck one never holds up the JVM's
 * exit, and remembered, so that {@link #joinAll} can return only once every one has ended (an executor's
 * termination is reported a moment before its last thread is gone). Thread-safe.
 */
final class DataThreads {

    static final String PREFIX = "weft-data-";

    private final List<Thread> created = new ArrayList<>();

    /** A factory of threads named after {@code job}. */
    ThreadFactory factory(String job) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> newThread(runnable, job + "-" + count.incrementAndGet());
    }

    synchronized Thread newThread(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, PREFIX + name);
        thread.setDaemon(true);
        created.removeIf(t -> t.getState() == Thread.State.TERMINATED);
        created.add(thread);
        return thread;
    }

    /**
     * Waits for every thread made here to end, {@code millis} at most in all.
     *
     * @return the threads still alive, by name
     */
    List<String> joinAll(long millis) throws InterruptedException {
        List<Thread> threads;
        synchronized (this) {
            threads = new ArrayList<>(created);
        }
        long deadline = System.nanoTime() + millis * 1_000_000;
        List<String> alive = new ArrayList<>();
        for (Thread thread : threads) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left > 0) {
                thread.join(left);
            }
            if (thread.isAlive()) {
                alive.add(thread.getName());
            }
        }
        return alive;
    }
}
