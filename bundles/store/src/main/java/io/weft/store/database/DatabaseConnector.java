package io.weft.store.database;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.api.health.Health;
import io.weft.store.jdbc.ConnectionSettings;

/**
 * Connects to one database on its own thread, retrying with backoff until it is reachable, so that an
 * unreachable database delays only the components that need it, never SCR's thread or other databases.
 *
 * <p>Thread-safety: {@link #start()} and {@link #close()} are called by the owning component's lifecycle;
 * attempts run on the connector's single thread; {@link #health()} may be called from any thread.
 */
public final class DatabaseConnector implements AutoCloseable {

    /** Told once, on the connector's thread, when the database became reachable. */
    @FunctionalInterface
    public interface Listener {
        void connected(StoreDatabase database);
    }

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseConnector.class);
    private static final long STOP_WAIT_SECONDS = 30;

    private final ConnectionSettings settings;
    /** Only used on the connector's thread. */
    private final Backoff backoff;
    private final Listener listener;
    private final ScheduledExecutorService thread;
    private final Object lock = new Object();
    /** Guarded by lock. */
    private boolean closed;
    /** Guarded by lock. */
    private StoreDatabase database;
    private volatile Health health;
    /** Only used on the connector's thread. */
    private int failedAttempts;

    public DatabaseConnector(ConnectionSettings settings, Backoff backoff, Listener listener) {
        this.settings = settings;
        this.backoff = backoff;
        this.listener = listener;
        this.health = Health.down("connecting to " + settings.describe());
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "weft-store-connect-" + settings.name());
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        thread.execute(this::attempt);
    }

    public Health health() {
        return health;
    }

    /** The open database, or {@code null} while not (yet) reachable or after close. */
    public StoreDatabase database() {
        synchronized (lock) {
            return database;
        }
    }

    private void attempt() {
        StoreDatabase opened;
        try {
            opened = StoreDatabase.open(settings);
        } catch (Exception | LinkageError e) {
            failedAttempts++;
            Duration delay = backoff.next();
            String cause = causeOf(e);
            health = Health.down("not reachable: " + settings.describe() + ": " + cause + " (attempt "
                    + failedAttempts + ", next in " + delay.toSeconds() + " s)");
            if (failedAttempts == 1) {
                LOG.error("Database '{}' is not reachable at {}: {}. Retrying in the background (next in {} s);"
                        + " components that need it wait.", settings.name(), settings.describe(), cause,
                        delay.toSeconds(), e);
            } else {
                LOG.warn("Database '{}' still not reachable at {} (attempt {}): {}. Next in {} s",
                        settings.name(), settings.describe(), failedAttempts, cause, delay.toSeconds());
            }
            synchronized (lock) {
                if (!closed) {
                    thread.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            return;
        }
        synchronized (lock) {
            if (closed) {
                opened.close();
                return;
            }
            database = opened;
        }
        backoff.reset();
        health = Health.up(settings.describe());
        LOG.info("Database '{}' is reachable ({}{})", settings.name(), settings.describe(),
                failedAttempts == 0 ? "" : ", after " + failedAttempts + " failed attempt(s)");
        listener.connected(opened);
    }

    /**
     * Stops retrying and waits for an attempt under way. Does not close the database: the owner first
     * withdraws what it registered, then closes {@link #database()}.
     */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Connection attempt to database '{}' did not stop within {} s", settings.name(),
                        STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The innermost message, where drivers put the useful part (refused connection, unknown host). */
    static String causeOf(Throwable e) {
        Throwable root = e;
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root.getMessage() != null && !sb.toString().contains(root.getMessage())) {
                sb.append(" <- ").append(root.getMessage());
            }
        }
        return sb.toString();
    }
}
