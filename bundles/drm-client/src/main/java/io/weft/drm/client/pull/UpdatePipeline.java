package io.weft.drm.client.pull;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.weft.drm.client.cache.CachedValue;
import io.weft.drm.client.cache.LocalCache;
import io.weft.drm.client.log.ClientLog;
import io.weft.drm.client.resource.ApplyResult;
import io.weft.drm.client.resource.AttributeState;
import io.weft.drm.client.resource.Resource;
import io.weft.drm.client.resource.ResourceTable;
import io.weft.drm.protocol.PullProtocol.PullResponse;

/**
 * From "attribute K has version N" (a Notify, a heartbeat's lagging list, a registration answer) to the
 * value in the application: pull it (on the pull executor, never on the I/O thread), apply it on the
 * resource's serial executor (one change at a time per resource, in version order, DRM-27), record it in
 * the cache and the monitor log, then complete every request it answers (which sends the Ack).
 *
 * <p>Per attribute at most one pull is in flight; requests arriving meanwhile raise its target, and the
 * next round pulls the newest. A version not newer than the one held is never applied.
 *
 * <p>A pull that no endpoint answered is tried again after a short random delay (up to
 * {@link #PULL_ATTEMPTS} attempts), rather than left to the next heartbeat 30 s later: when a push reaches
 * a thousand clients at once their first pulls all open connections together, and a node's accept queue
 * can refuse some of them. The delay is random so the retries do not arrive together again.
 */
public final class UpdatePipeline {

    /** Told once how a request ended: the version now held (or tried) and, when not ok, why. */
    @FunctionalInterface
    public interface Completion {
        Completion NONE = (ok, version, error) -> { };

        void done(boolean ok, long version, String error);
    }

    private final ResourceTable table;
    private final PullClient pull;
    private final Executor pullExecutor;
    private final LocalCache cache;
    private final ClientLog log;
    private final Map<String, Work> work = new ConcurrentHashMap<>();

    /** Pulls of one version before giving up until the next notify or heartbeat. */
    static final int PULL_ATTEMPTS = 4;

    public UpdatePipeline(ResourceTable table, PullClient pull, Executor pullExecutor, LocalCache cache,
            ClientLog log) {
        this.table = table;
        this.pull = pull;
        this.pullExecutor = pullExecutor;
        this.cache = cache;
        this.log = log;
    }

    /** Makes the client hold at least {@code version} of {@code key}; thread-safe, returns at once. */
    public void request(String key, long version, Completion completion) {
        AttributeState state = table.attribute(key);
        if (state == null) {
            completion.done(false, version, key + " is not registered by this client");
            return;
        }
        Work w = work.computeIfAbsent(key, Work::new);
        boolean held;
        boolean start = false;
        synchronized (w) {
            held = version <= state.version();
            if (!held) {
                w.target = Math.max(w.target, version);
                w.pending.add(new Pending(version, completion));
                start = !w.busy;
                w.busy = true;
            }
        }
        if (held) {
            completion.done(true, state.version(), "");
        } else if (start) {
            submit(w);
        }
    }

    /**
     * Applies what the cache holds for the resource's attributes, on the calling thread: the resource is
     * not yet reachable by pulls, and the application gets its last known values before start returns.
     */
    public void applyFromCache(Resource resource) {
        for (AttributeState state : resource.states()) {
            CachedValue cached = cache.get(state.key());
            if (cached == null || cached.version() <= state.version()) {
                continue;
            }
            ApplyResult result = resource.apply(state, cached.version(), cached.value(), true);
            if (result.held()) {
                log.monitor("update " + state.key() + " version=" + cached.version() + " source=cache");
            }
            if (!result.ok()) {
                log.error(result.error());
            }
        }
    }

    private void submit(Work w) {
        try {
            pullExecutor.execute(() -> pullOnce(w));
        } catch (RejectedExecutionException e) {
            // The client is closing; nobody waits for the answer any more.
        }
    }

    private void pullOnce(Work w) {
        String key = w.key;
        long want;
        int attempt;
        synchronized (w) {
            want = w.target;
            attempt = want == w.tried ? w.attempts + 1 : 1;
            w.tried = want;
            w.attempts = attempt;
        }
        AttributeState state = table.attribute(key);
        if (state == null) {
            finish(w, 0, new ApplyResult(false, false, 0, key + " is no longer registered"));
            return;
        }
        PullResponse pulled;
        try {
            pulled = pull.pull(key, want);
        } catch (PullException e) {
            if (e.retryable() && attempt < PULL_ATTEMPTS) {
                retryLater(w, attempt);
                return;
            }
            log.error(e.getMessage() + (attempt > 1 ? " (attempt " + attempt + ")" : ""));
            finish(w, state.version(), new ApplyResult(false, false, state.version(), e.getMessage()));
            return;
        } catch (RuntimeException e) {
            log.error("pull of " + key + " version " + want + " failed", e);
            finish(w, state.version(), new ApplyResult(false, false, state.version(), e.toString()));
            return;
        }
        Resource resource = state.resource();
        try {
            resource.changes().execute(() -> apply(state, pulled, w));
        } catch (RejectedExecutionException e) {
            // The callback executor refused the change (closing, or an application executor that is full):
            // answer the requests, so the attribute is not left busy for ever and the next notify pulls again.
            finish(w, state.version(), new ApplyResult(false, false, state.version(),
                    "the callback executor refused the change of " + key + ": " + e.getMessage()));
        }
    }

    /** Pulls again after 250 ms × 2^(attempt-1), scaled by a random 0.5–1.5. The work stays busy meanwhile. */
    private void retryLater(Work w, int attempt) {
        long base = 250L << (attempt - 1);
        long delay = (long) (base * (0.5 + ThreadLocalRandom.current().nextDouble()));
        try {
            CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS, pullExecutor).execute(() -> pullOnce(w));
        } catch (RejectedExecutionException e) {
            // Closing.
        }
    }

    private void apply(AttributeState state, PullResponse pulled, Work w) {
        ApplyResult result;
        try {
            result = state.resource().apply(state, pulled.version(), pulled.value(), false);
        } catch (RuntimeException e) {
            result = new ApplyResult(false, false, state.version(), "applying " + state.key() + " failed: " + e);
        }
        if (result.held()) {
            cache.put(state.key(), pulled.version(), pulled.value());
            log.monitor("update " + state.key() + " version=" + pulled.version());
        }
        if (!result.ok()) {
            log.error(result.error());
        }
        finish(w, state.version(), result);
    }

    /** Answers the requests this round covered, and starts the next round when a newer one is waiting. */
    private void finish(Work w, long held, ApplyResult result) {
        List<Runnable> answers = new ArrayList<>();
        boolean again;
        synchronized (w) {
            for (Iterator<Pending> it = w.pending.iterator(); it.hasNext(); ) {
                Pending p = it.next();
                if (p.version <= held && (result.ok() || p.version > w.tried)) {
                    answers.add(() -> p.completion.done(true, held, ""));
                    it.remove();
                } else if (p.version <= w.tried) {
                    String error = result.ok()
                            ? "drmdata served version " + held + ", older than " + p.version : result.error();
                    answers.add(() -> p.completion.done(false, held, error));
                    it.remove();
                }
            }
            again = w.target > w.tried;
            w.busy = again;
        }
        for (Runnable answer : answers) {
            try {
                answer.run();
            } catch (RuntimeException e) {
                log.error("answering an update failed", e);
            }
        }
        if (again) {
            submit(w);
        }
    }

    /** One attribute's pulls; guarded by itself. */
    private static final class Work {
        final String key;
        long target;
        long tried;
        int attempts;
        boolean busy;
        final List<Pending> pending = new ArrayList<>();

        Work(String key) {
            this.key = key;
        }
    }

    private record Pending(long version, Completion completion) {
    }
}
