package io.weft.console.registry.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every session's feed when the registry page asks for a view older than the period, and keeps the merged
 * {@link RegistryView} (CON-7). The sessions are the configured ones, or, when none are configured, those the
 * first answering meta server lists, at the feed port. A session that cannot be read is named in the view's errors
 * and left out until it answers again.
 *
 * <p>Why on demand rather than on a timer: a full snapshot is about 300 bytes per registration, so reading every
 * session every period costs the sessions and this node a steady stream of garbage and CPU (with 10 000
 * subscriptions, a third of a standalone node's allocation under a registry load) while nobody looks at the page.
 * Now an unwatched console reads nothing; a page asked for within the period of the last read is answered from
 * memory, and one asked for later waits for one read of every session (at most {@code waitMillis}, then it shows
 * the last view, with its time). Concurrent pages share one read.
 *
 * <p>Lifecycle: {@link #start()} once, {@link #close()} once; it owns one daemon thread,
 * {@code weft-console-registry-feed}, which does the reads. {@link #view()} is thread-safe.
 */
public final class FeedPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

    /**
     * @param sessions     configured session feeds ({@code host:port}); empty to ask the meta servers
     * @param metas        the meta servers' ops HTTP ({@code host:9615})
     * @param periodMillis how old a view may be and still be shown without reading the feeds again
     * @param waitMillis   how long a page waits for a read before it shows the last view
     */
    public record Settings(List<String> sessions, List<String> metas, int feedPort, long periodMillis,
            long waitMillis) {
        public Settings {
            sessions = List.copyOf(sessions);
            metas = List.copyOf(metas);
        }
    }

    private final FeedClient client;
    private final Settings settings;
    private final Clock clock;
    private final AtomicReference<RegistryView> view = new AtomicReference<>(RegistryView.EMPTY);
    private ExecutorService reader;
    private CompletableFuture<RegistryView> reading;

    public FeedPoller(FeedClient client, Settings settings, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The merged view, read again first if it is older than the period: the page's one entry point. Returns the
     * last view, however old, if the read does not end within {@code waitMillis}, or the poller is closed.
     */
    public RegistryView view() {
        RegistryView held = view.get();
        if (fresh(held)) {
            return held;
        }
        CompletableFuture<RegistryView> read = read();
        if (read == null) {
            return held;
        }
        try {
            return read.get(settings.waitMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException | ExecutionException | CancellationException e) {
            // The read goes on (or has failed and been logged): the page shows what is known, with its time.
        }
        return view.get();
    }

    private boolean fresh(RegistryView held) {
        Instant takenAt = held.takenAt();
        return takenAt != null
                && Duration.between(takenAt, clock.instant()).toMillis() < settings.periodMillis();
    }

    /** The read in progress, or a new one; null once closed. */
    private synchronized CompletableFuture<RegistryView> read() {
        if (reader == null) {
            return null;
        }
        if (reading == null || reading.isDone()) {
            try {
                reading = CompletableFuture.supplyAsync(this::readSafely, reader);
            } catch (RejectedExecutionException closing) {
                return null;
            }
        }
        return reading;
    }

    public synchronized void start() {
        if (reader != null) {
            throw new IllegalStateException("already started");
        }
        reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "weft-console-registry-feed");
            t.setDaemon(true);
            return t;
        });
    }

    private RegistryView readSafely() {
        try {
            RegistryView next = poll();
            view.set(next);
            return next;
        } catch (RuntimeException e) {
            // The next page asks again; it shows the last view meanwhile.
            LOG.error("Reading the registry feed failed", e);
            return view.get();
        }
    }

    /** One round: the session list, each session's snapshot, the merge. */
    RegistryView poll() {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> sessions = sessions(errors);
        List<SessionSnapshot> snapshots = new ArrayList<>();
        for (String session : sessions) {
            try {
                snapshots.add(client.snapshot(session));
            } catch (FeedException e) {
                errors.put(session, e.getMessage());
            }
        }
        RegistryView next = RegistryMerge.merge(snapshots, errors, sessions, clock.instant());
        RegistryView previous = view.get();
        if (previous.services().size() != next.services().size() || !previous.errors().equals(errors)) {
            LOG.info("Registry feed: {} services from {} sessions{}", next.services().size(), snapshots.size(),
                    errors.isEmpty() ? "" : ", unread: " + errors);
        }
        return next;
    }

    private List<String> sessions(Map<String, String> errors) {
        if (!settings.sessions().isEmpty()) {
            return settings.sessions();
        }
        for (String meta : settings.metas()) {
            try {
                return client.sessionNodes(meta).stream()
                        .map(node -> HostPorts.withHostOf(node, settings.feedPort())).distinct().sorted().toList();
            } catch (FeedException e) {
                errors.put(meta, e.getMessage());
            }
        }
        return List.of();
    }

    @Override
    public synchronized void close() {
        if (reader != null) {
            reader.shutdownNow();
            reader = null;
        }
        if (reading != null) {
            reading.cancel(true);
        }
    }
}
