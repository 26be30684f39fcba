package io.weft.bench.registry.load;

import java.util.concurrent.TimeUnit;

/**
 * Watches, during a restart, for the moment every client is connected to a session that serves again: the
 * sessions that answer hold fewer client connections than there are clients once the restart has begun, then
 * all of them. For a two-session cluster whose one session stops, that is when the stopped session's clients are
 * all on the other one, whatever the stop and start commands are doing meanwhile; for a single node, when its
 * clients are back on the restarted one.
 */
final class ReconnectWatch implements AutoCloseable {

    private static final long POLL_MILLIS = 20;

    private final ServerProbe probe;
    private final int clients;
    private final Thread thread;
    private volatile long droppedAt = -1;
    private volatile long backAt = -1;
    private volatile boolean stopped;

    private ReconnectWatch(ServerProbe probe, int clients) {
        this.probe = probe;
        this.clients = clients;
        this.thread = new Thread(this::watch, "reconnect-watch");
        this.thread.setDaemon(true);
    }

    /** Starts watching now, on a thread of its own. */
    static ReconnectWatch start(ServerProbe probe, int clients) {
        ReconnectWatch watch = new ReconnectWatch(probe, clients);
        watch.thread.start();
        return watch;
    }

    /** {@link System#nanoTime()} when every client was connected again after fewer were; -1 if not (yet). */
    long backAt() {
        return backAt;
    }

    /** Whether a drop was seen at all: a restart the watch polled too slowly to see has no figure. */
    boolean sawDrop() {
        return droppedAt >= 0;
    }

    private void watch() {
        while (!stopped && backAt < 0) {
            int held = probe.connectionsOnServing();
            long now = System.nanoTime();
            if (droppedAt < 0 && held < clients) {
                droppedAt = now;
            } else if (droppedAt >= 0 && held >= clients) {
                backAt = now;
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(5));
    }
}
