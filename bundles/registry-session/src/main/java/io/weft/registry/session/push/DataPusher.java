package io.weft.registry.session.push;

import com.alipay.sofa.registry.core.model.ReceivedData;
import io.weft.registry.session.data.DataInfoId;
import io.weft.registry.session.data.Datum;
import io.weft.registry.session.data.SessionData;
import io.weft.registry.session.register.RegistrationTable;
import io.weft.registry.session.register.Subscription;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes {@code ReceivedData} to subscribers (RCP-11, RCP-12):
 * <ul>
 *   <li>a change marks the datum's subscribers; marks made within {@code coalesceMillis} of each other
 *       become one push per connection, datum, scope and zone, carrying all those subscribers' registIds;</li>
 *   <li>a new subscriber is marked at once, so it gets the current datum, even an empty one, as soon as the
 *       session has it (a cluster session fetches a datum it never had in the background);</li>
 *   <li>one push per connection and datum is in flight at a time, and a subscriber is never sent a version
 *       older than one it acknowledged;</li>
 *   <li>while the push switch is closed marks accumulate; when it opens, every subscriber is marked.</li>
 * </ul>
 * A failed push is retried after {@code retryMillis}, up to {@value #MAX_ATTEMPTS} attempts in a row; one whose
 * connection is not open ({@link ConnectionGoneException}) is not retried, nor is it an error.
 *
 * <p>Thread confinement: all state below is only touched on {@code executor}, a single thread the owner
 * provides and shuts down; the public methods only hand work to it.
 */
public final class DataPusher {

    static final int MAX_ATTEMPTS = 3;

    private static final Logger LOG = LoggerFactory.getLogger("registry.push");

    private final SessionData data;
    private final RegistrationTable<Subscription> subscribers;
    private final PushChannel channel;
    private final PushSwitch pushSwitch;
    private final ScheduledExecutorService executor;
    private final String segment;
    private final long coalesceMillis;
    private final long retryMillis;

    /** Per subscriber registId; only on the executor. */
    private final Map<String, State> states = new HashMap<>();
    /**
     * The registIds whose state is dirty, in the order they were marked: a flush and the check after each
     * acknowledged push look at these only, not at every subscriber of the session.
     */
    private final Set<String> dirty = new LinkedHashSet<>();
    private final Set<PushKey> inFlight = new HashSet<>();
    private long generation;
    private boolean flushScheduled;

    public DataPusher(SessionData data, RegistrationTable<Subscription> subscribers, PushChannel channel,
            PushSwitch pushSwitch, ScheduledExecutorService executor, String segment, long coalesceMillis,
            long retryMillis) {
        this.data = data;
        this.subscribers = subscribers;
        this.channel = channel;
        this.pushSwitch = pushSwitch;
        this.executor = executor;
        this.segment = segment;
        this.coalesceMillis = coalesceMillis;
        this.retryMillis = retryMillis;
    }

    /** A datum changed: its subscribers get the new version. */
    public void datumChanged(DataInfoId id) {
        run(() -> {
            for (Subscription subscription : subscribers.of(id)) {
                mark(subscription.registId());
            }
            scheduleFlush(coalesceMillis);
        });
    }

    /** A new or updated subscriber: it gets the current datum. */
    public void subscribed(Subscription subscription) {
        run(() -> {
            states.remove(subscription.registId());
            dirty.remove(subscription.registId());
            mark(subscription.registId());
            scheduleFlush(coalesceMillis);
        });
    }

    public void removed(Collection<String> registIds) {
        List<String> copy = List.copyOf(registIds);
        run(() -> copy.forEach(registId -> {
            states.remove(registId);
            dirty.remove(registId);
        }));
    }

    /** The push switch opened: every subscriber gets the current datum. */
    public void reopened() {
        run(() -> {
            for (Subscription subscription : subscribers.all()) {
                mark(subscription.registId());
            }
            scheduleFlush(0);
        });
    }

    /** Work for the push thread; dropped once it has stopped (the session is closing). */
    private void run(Runnable work) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException stopped) {
            LOG.debug("[push] stopped: {}", stopped.toString());
        }
    }

    private void mark(String registId) {
        State state = states.computeIfAbsent(registId, id -> new State());
        state.dirtyGeneration = ++generation;
        state.dirty = true;
        dirty.add(registId);
    }

    private void clean(String registId, State state) {
        state.dirty = false;
        dirty.remove(registId);
    }

    private void scheduleFlush(long delayMillis) {
        if (!flushScheduled) {
            flushScheduled = true;
            executor.schedule(this::flush, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void flush() {
        flushScheduled = false;
        if (!pushSwitch.isOpen()) {
            return;
        }
        Map<PushKey, List<Subscription>> groups = new LinkedHashMap<>();
        for (String registId : new ArrayList<>(dirty)) {
            Subscription subscription = subscribers.get(registId);
            if (subscription == null) {
                clean(registId, states.get(registId));
                continue;
            }
            PushKey key = new PushKey(subscription.connectionId(), subscription.id(), subscription.scope(),
                    subscription.zone());
            if (!inFlight.contains(key)) {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(subscription);
            }
        }
        groups.forEach(this::push);
    }

    private void push(PushKey key, List<Subscription> group) {
        Optional<Datum> current = data.current(key.id());
        if (current.isEmpty()) {
            return; // being fetched: they stay marked, and the datum's arrival marks them again
        }
        Datum datum = current.get();
        Map<String, Long> sent = new LinkedHashMap<>();
        for (Subscription subscription : group) {
            State state = states.get(subscription.registId());
            if (state.pushedVersion > datum.version()) {
                // It already has a newer datum than this source can give: never send an older one.
                clean(subscription.registId(), state);
            } else {
                sent.put(subscription.registId(), state.dirtyGeneration);
            }
        }
        if (sent.isEmpty()) {
            return;
        }
        ReceivedData received = ReceivedDataFactory.receivedData(datum, key, new ArrayList<>(sent.keySet()), segment);
        inFlight.add(key);
        channel.send(key.connectionId(), received,
                failure -> run(() -> completed(key, sent, datum.version(), failure)));
    }

    private void completed(PushKey key, Map<String, Long> sent, long version, Throwable failure) {
        inFlight.remove(key);
        boolean retry = false;
        for (Map.Entry<String, Long> entry : sent.entrySet()) {
            State state = states.get(entry.getKey());
            Subscription subscription = subscribers.get(entry.getKey());
            if (state == null || subscription == null || !subscription.connectionId().equals(key.connectionId())) {
                continue;
            }
            if (failure == null) {
                state.pushedVersion = Math.max(state.pushedVersion, version);
                state.failures = 0;
                if (state.dirtyGeneration == entry.getValue()) {
                    clean(entry.getKey(), state);
                }
            } else if (failure instanceof ConnectionGoneException) {
                // Its client registers it again on a new connection, and gets the current data there.
                clean(entry.getKey(), state);
                state.failures = 0;
            } else if (++state.failures >= MAX_ATTEMPTS) {
                clean(entry.getKey(), state);
                state.failures = 0;
                LOG.error("[push] giving up pushing {} version {} to subscriber {} on {} after {} attempts: {}",
                        key.id(), version, entry.getKey(), key.connectionId(), MAX_ATTEMPTS, failure.toString());
            } else {
                retry = true;
            }
        }
        if (failure == null) {
            LOG.info("[push] dataInfoId {} version {} connection {} subscribers {} result ok", key.id(), version,
                    key.connectionId(), sent.size());
        } else {
            LOG.warn("[push] dataInfoId {} version {} connection {} subscribers {} result failed: {}", key.id(),
                    version, key.connectionId(), sent.size(), failure.toString());
        }
        if (retry) {
            executor.schedule(() -> scheduleFlush(0), retryMillis, TimeUnit.MILLISECONDS);
        } else if (!dirty.isEmpty()) {
            scheduleFlush(coalesceMillis);
        }
    }

    /** Push bookkeeping of one subscriber; only on the executor. */
    private static final class State {
        long pushedVersion = Long.MIN_VALUE;
        long dirtyGeneration;
        boolean dirty;
        int failures;
    }
}
