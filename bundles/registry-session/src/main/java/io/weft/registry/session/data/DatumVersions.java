package io.weft.registry.session.data;

import java.util.function.LongSupplier;

/**
 * Datum versions that rise across restarts (RCP-12): epoch milliseconds shifted left by 12 bits, plus a
 * sequence for versions made within the same millisecond (4096 per millisecond before it borrows from the
 * next). A node restarted within the same millisecond range still starts above its last version, as long
 * as the clock does not go back. Thread-safe.
 */
public final class DatumVersions {

    static final int SEQUENCE_BITS = 12;

    private final LongSupplier clockMillis;
    private long last;

    /** @param clockMillis the wall clock in epoch milliseconds ({@code System::currentTimeMillis} in production) */
    public DatumVersions(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
    }

    public synchronized long next() {
        long candidate = clockMillis.getAsLong() << SEQUENCE_BITS;
        last = Math.max(candidate, last + 1);
        return last;
    }
}
