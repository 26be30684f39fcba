package io.weft.bench.registry.load;

import java.util.Arrays;

/** Nearest-rank percentiles of nanosecond measurements, given in milliseconds. */
final class Percentiles {

    private final long[] sorted;

    Percentiles(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    /** Percentile {@code p} (0..100) in ms, -1 when there is no measurement. */
    double millis(double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    double maxMillis() {
        return sorted.length == 0 ? -1 : sorted[sorted.length - 1] / 1e6;
    }

    String describe() {
        return String.format("p50 %.1f ms / p99 %.1f ms / max %.1f ms (n=%d)", millis(50), millis(99), maxMillis(),
                sorted.length);
    }
}
