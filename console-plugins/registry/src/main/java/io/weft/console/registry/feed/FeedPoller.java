package io.weft.console.registry.feed;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every session's feed at a fixed period and publishes the merged {@link RegistryView} (CON-7). The
 * sessions are the configured ones, or, when none are configured, those the first answering meta server
 * lists, at the feed port. A session that cannot be read is named in the view's errors and left out until
 * it answers again.
 *
 * <p>Lifecycle: {@link #start()} once, {@link #close()} once; it owns one daemon thread,
 * {@code weft-console-registry-feed}. {@link #view()} is thread-safe and never blocks.
 */
public final class FeedPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

    /**
     * @param sessions configured session feeds ({@code host:port}); empty to ask the meta servers
     * @param metas    the meta servers' ops HTTP ({@code host:9615})
     */
    public record Settings(List<String> sessions, List<String> metas, int feedPort, long periodMillis) {
        public Settings {
            sessions = List.copyOf(sessions);
            metas = List.copyOf(metas);
        }
    }

    private final FeedClient client;
    private final Settings settings;
    private final Clock clock;
    private final AtomicReference<RegistryView> view = new AtomicReference<>(RegistryView.EMPTY);
    private ScheduledExecutorService timer;

    public FeedPoller(FeedClient client, Settings settings, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.clock = clock;
    }

    public RegistryView view() {
        return view.get();
    }

    public synchronized void start() {
        if (timer != null) {
            throw new IllegalStateException("already started");
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "weft-console-registry-feed");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::pollSafely, 0, settings.periodMillis(), TimeUnit.MILLISECONDS);
    }

    private void pollSafely() {
        try {
            view.set(poll());
        } catch (RuntimeException e) {
            // The next period tries again; the page keeps the last view meanwhile.
            LOG.error("Reading the registry feed failed", e);
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
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
