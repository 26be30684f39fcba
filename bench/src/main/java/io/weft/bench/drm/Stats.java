package io.weft.bench.drm;

import java.util.Arrays;

/** Percentiles of a set of measurements (nearest rank), printed in milliseconds. */
final class Stats {

    private final long[] sorted;

    private Stats(long[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    static Stats of(long[] values) {
        return new Stats(values);
    }

    int count() {
        return sorted.length;
    }

    /** The value at percentile {@code p} (0..100), nearest rank; -1 when empty. */
    long percentile(double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    long max() {
        return sorted.length == 0 ? -1 : sorted[sorted.length - 1];
    }

    /** "p50 X / p99 Y / max Z" with values divided by {@code unit} and suffixed. */
    String describe(double unit, String suffix) {
        return String.format("p50 %.1f %s / p99 %.1f %s / max %.1f %s", percentile(50) / unit, suffix,
                percentile(99) / unit, suffix, max() / unit, suffix);
    }
}
