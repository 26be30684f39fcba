package io.weft.acvip.poll;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

import io.weft.acvip.domain.LookupAnswer;

/**
 * The waiting long polls. A lookup with {@code allowPolling} whose domains are all unchanged waits here
 * until one of them changes ({@link #changed}), the maximum wait passes, or the hub closes; it is then
 * answered exactly once through its callback.
 *
 * <p>Thread-safe. Callbacks run on the thread that completes the poll (the one reporting a change, the
 * timer's, or the caller of {@link #submit}) and never while the hub holds a lock.
 */
public final class PollHub implements AutoCloseable {

    private final Function<Map<String, String>, LookupAnswer> lookup;
    private final Timer timer;
    private final Set<Waiter> waiting = ConcurrentHashMap.newKeySet();
    private volatile Duration maxWait;
    private volatile int maxWaiting;
    private volatile boolean closed;

    /**
     * @param lookup     answers a lookup from domain→checksum
     * @param timer      ends polls that waited for {@code maxWait}
     * @param maxWait    longest a poll waits
     * @param maxWaiting most polls waiting at once; more are answered at once with {@code accepted=false}
     */
    public PollHub(Function<Map<String, String>, LookupAnswer> lookup, Timer timer, Duration maxWait, int maxWaiting) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.timer = Objects.requireNonNull(timer, "timer");
        configure(maxWait, maxWaiting);
    }

    /** Applies to polls that start from now on. */
    public void configure(Duration maxWait, int maxWaiting) {
        if (maxWait.isNegative() || maxWaiting < 0) {
            throw new IllegalArgumentException("maxWait and maxWaiting must not be negative");
        }
        this.maxWait = maxWait;
        this.maxWaiting = maxWaiting;
    }

    /**
     * Answers the lookup now, or later if it may wait and nothing is new.
     *
     * @param checksums    domain → the checksum the client holds
     * @param allowPolling whether the client asked to wait
     * @param reply        called exactly once with the answer, unless the returned handle is run first
     * @return forgets the poll without answering it (its request went away); does nothing once answered
     */
    public Runnable submit(Map<String, String> checksums, boolean allowPolling, Consumer<PollReply> reply) {
        LookupAnswer now = lookup.apply(checksums);
        if (!allowPolling || now.hasNews() || closed || maxWait.isZero()) {
            reply.accept(new PollReply(now, false, true));
            return () -> { };
        }
        if (waiting.size() >= maxWaiting) {
            reply.accept(new PollReply(now, false, false));
            return () -> { };
        }
        Waiter waiter = new Waiter(Map.copyOf(checksums), reply);
        waiting.add(waiter);
        waiter.cancelTimeout = timer.schedule(() -> complete(waiter, lookup.apply(waiter.checksums)), maxWait);
        // A change between the first look and joining the waiters would otherwise be missed.
        if (closed) {
            complete(waiter, lookup.apply(waiter.checksums));
        } else {
            recheck(waiter);
        }
        return () -> forget(waiter);
    }

    /** Domains of these services may have changed: answers the polls that now have news. */
    public void changed(Set<String> services) {
        for (Waiter w : waiting) {
            if (w.concerns(services)) {
                recheck(w);
            }
        }
    }

    /** Re-evaluates every waiting poll (e.g. a product enabled in OSP, which sends no event). */
    public void recheckAll() {
        for (Waiter w : waiting) {
            recheck(w);
        }
    }

    private void forget(Waiter w) {
        if (waiting.remove(w)) {
            cancel(w);
        }
    }

    public int waitingCount() {
        return waiting.size();
    }

    /** Answers every waiting poll with the current state; later polls are answered at once. */
    @Override
    public void close() {
        closed = true;
        List<Waiter> all = new ArrayList<>(waiting);
        for (Waiter w : all) {
            complete(w, lookup.apply(w.checksums));
        }
    }

    private void recheck(Waiter w) {
        LookupAnswer answer = lookup.apply(w.checksums);
        if (answer.hasNews()) {
            complete(w, answer);
        }
    }

    /** Only the caller that removes the waiter answers it: exactly once. */
    private void complete(Waiter w, LookupAnswer answer) {
        if (waiting.remove(w)) {
            cancel(w);
            w.reply.accept(new PollReply(answer, true, true));
        }
    }

    private static void cancel(Waiter w) {
        Runnable c = w.cancelTimeout;
        if (c != null) {
            c.run();
        }
    }

    private static final class Waiter {
        final Map<String, String> checksums;
        final Consumer<PollReply> reply;
        volatile Runnable cancelTimeout;

        Waiter(Map<String, String> checksums, Consumer<PollReply> reply) {
            this.checksums = checksums;
            this.reply = reply;
        }

        /** Whether a change of these services can touch one of the polled domains. */
        boolean concerns(Set<String> services) {
            for (String domain : checksums.keySet()) {
                int dash = domain.lastIndexOf('-');
                if (dash < 0 || services.contains(domain.substring(dash + 1))) {
                    return true;
                }
            }
            return false;
        }
    }
}
