package io.weft.monitor.system;

/** Percentage helpers shared by the probe's measurements. */
final class Percent {

    /** What a snapshot holds for a value that cannot be measured here. */
    static final double UNMEASURED = -1;

    private Percent() {
    }

    /** Rounding and racing counters can stray just outside 0–100; a percentage never does. */
    static double clamp(double percent) {
        return Math.max(0, Math.min(100, percent));
    }

    /** A JVM load figure (0.0–1.0, negative when unavailable) as a percentage or {@link #UNMEASURED}. */
    static double ofLoad(double load) {
        return load < 0 || Double.isNaN(load) ? UNMEASURED : clamp(load * 100);
    }
}
