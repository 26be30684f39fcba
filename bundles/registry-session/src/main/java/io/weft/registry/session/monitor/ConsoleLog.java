package io.weft.registry.session.monitor;

import io.weft.registry.session.ops.SessionView;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the counts the ops guide's alerts read from {@code registry-console.log} (OPS-10, OPS-22) at a fixed
 * period: {@code sessionPub_total=2, sessionSub_total=5, session_connect_total=3}.
 *
 * <p>Lifecycle: {@link #start(long)} once, {@link #close()} once; it owns its single daemon thread.
 */
public final class ConsoleLog implements AutoCloseable {

    private static final Logger CONSOLE_LOG = LoggerFactory.getLogger("registry.console");

    private final SessionView session;
    private ScheduledExecutorService timer;

    public ConsoleLog(SessionView session) {
        this.session = session;
    }

    public synchronized void start(long periodSeconds) {
        if (timer != null) {
            throw new IllegalStateException("already started");
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "weft-session-console-log");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::logSafely, periodSeconds, periodSeconds, TimeUnit.SECONDS);
    }

    /** One line now. */
    public void logNow() {
        CONSOLE_LOG.info("sessionPub_total={}, sessionSub_total={}, session_connect_total={}",
                session.publishers(), session.subscribers(), session.connections().size());
    }

    private void logSafely() {
        try {
            logNow();
        } catch (RuntimeException e) {
            // A failure must not cancel the schedule: the next period tries again.
            CONSOLE_LOG.error("[console] writing the session counts failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
