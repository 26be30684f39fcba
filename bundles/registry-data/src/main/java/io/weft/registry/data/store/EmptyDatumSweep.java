package io.weft.registry.data.store;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets the datums that have had no publisher for longer than the retention, so that a registry whose
 * services come and go (dataInfoIds used once) does not keep an empty datum for each of them forever. The
 * retention is far longer than any difference between the data servers' clocks: a datum forgotten here and
 * published again, on this server or on another that leads its slot by then, gets a version above the forgotten
 * one. Run by the data server's scheduler.
 */
public final class EmptyDatumSweep implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger("registry.data");

    private final DatumStore store;
    private final Clock clock;
    private final long retentionMillis;

    public EmptyDatumSweep(DatumStore store, Clock clock, long retentionMillis) {
        if (retentionMillis < 1) {
            throw new IllegalArgumentException("retentionMillis must be positive: " + retentionMillis);
        }
        this.store = store;
        this.clock = clock;
        this.retentionMillis = retentionMillis;
    }

    /** How often to run: often enough that a datum is forgotten soon after its retention ends. */
    public long periodMillis() {
        return Math.max(1, Math.min(retentionMillis / 2, 60_000));
    }

    @Override
    public void run() {
        int forgotten = store.forgetEmptySince(clock.millis() - retentionMillis);
        if (forgotten > 0) {
            LOG.info("[data] {} datums without a publisher for more than {} ms forgotten", forgotten, retentionMillis);
        }
    }
}
