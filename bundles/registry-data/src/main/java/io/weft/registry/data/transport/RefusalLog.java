package io.weft.registry.data.transport;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.codec.bolt.BoltHessian;

/**
 * Makes refused bodies visible: Bolt answers a body it cannot read with its own error status before any
 * processor of ours runs, so the node's Bolt Hessian codec tells this of each refused class name or oversize
 * body. Each refusal is counted; a log line goes out at most once per interval, with the number left out since,
 * so a flood of bad frames cannot flood the log. Thread-safe.
 */
public final class RefusalLog implements BoltHessian.Refusals {

    private static final Logger LOG = LoggerFactory.getLogger("registry.data");

    private final Runnable counter;
    private final LongSupplier millis;
    private final long intervalMillis;
    private final AtomicLong nextLogAt = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong unlogged = new AtomicLong();

    /**
     * @param counter        called once for every refusal
     * @param millis         the clock of the log throttle
     * @param intervalMillis at most one log line in this interval
     */
    public RefusalLog(Runnable counter, LongSupplier millis, long intervalMillis) {
        this.counter = counter;
        this.millis = millis;
        this.intervalMillis = intervalMillis;
    }

    @Override
    public void refused(String className, String reason) {
        counter.run();
        long now = millis.getAsLong();
        long due = nextLogAt.get();
        if (now < due || !nextLogAt.compareAndSet(due, now + intervalMillis)) {
            unlogged.incrementAndGet();
            return;
        }
        long skipped = unlogged.getAndSet(0);
        LOG.error("[data] refused a Bolt body announced as {}: {}{}", className, reason,
                skipped == 0 ? "" : " (" + skipped + " more refusals since the last line)");
    }
}
