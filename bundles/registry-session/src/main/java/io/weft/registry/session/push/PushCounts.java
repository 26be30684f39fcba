package io.weft.registry.session.push;

import java.util.concurrent.atomic.LongAdder;

/**
 * Pushes sent to clients, data and config alike, by outcome: the counter behind
 * {@code registry_session_pushes_total{result}}. It outlives a restart of the session server, so the
 * counter only ever rises while the node runs. Thread-safe.
 */
public final class PushCounts {

    private final LongAdder ok = new LongAdder();
    private final LongAdder failed = new LongAdder();

    /** One push answered: {@code failure} is null when the client acknowledged it. */
    public void completed(Throwable failure) {
        (failure == null ? ok : failed).increment();
    }

    public long ok() {
        return ok.sum();
    }

    public long failed() {
        return failed.sum();
    }
}
