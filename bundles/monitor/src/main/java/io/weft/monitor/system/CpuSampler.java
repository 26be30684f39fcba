package io.weft.monitor.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Host CPU use averaged over the time between two samples, from the first line of
 * {@code /proc/stat}, as a collector sampling once per evaluation interval reports it.
 *
 * <p>The alert rules use this rather than the JVM's {@code getCpuLoad()}, whose window is whatever
 * time passed since anyone last called it (a scrape of {@code /metrics} a moment ago, or the JVM's
 * own start, which reads as 100 % on a node that just started). A window shorter than
 * {@link #MIN_WINDOW} is too short to judge and reads as unmeasured ({@code -1}), so the rule keeps
 * its state. Not thread-safe: owned by the evaluation thread.
 */
public final class CpuSampler {

    static final Duration MIN_WINDOW = Duration.ofSeconds(5);

    private final Path stat;
    private final Clock clock;
    private long[] previous;
    private long previousAt;

    public CpuSampler() {
        this(Path.of("/proc"), Clock.systemUTC());
    }

    public CpuSampler(Path procRoot, Clock clock) {
        this.stat = procRoot.resolve("stat");
        this.clock = clock;
        this.previous = read();
        this.previousAt = clock.millis();
    }

    /** Percent of host CPU busy since the previous sample, or {@code -1}. */
    public double sample() {
        long[] now = read();
        long at = clock.millis();
        double result = Percent.UNMEASURED;
        if (now != null && previous != null && at - previousAt >= MIN_WINDOW.toMillis()) {
            long total = now[0] - previous[0];
            long idle = now[1] - previous[1];
            if (total > 0) {
                result = Percent.clamp(100.0 * (total - idle) / total);
            }
        }
        if (result != Percent.UNMEASURED || now == null || previous == null) {
            previous = now;
            previousAt = at;
        }
        return result;
    }

    /** {total jiffies, idle + iowait jiffies} of the "cpu" line, or null when unreadable. */
    private long[] read() {
        try {
            List<String> lines = Files.readAllLines(stat);
            if (lines.isEmpty() || !lines.get(0).startsWith("cpu ")) {
                return null;
            }
            String[] f = lines.get(0).trim().split("\\s+");
            long total = 0;
            // user nice system idle iowait irq softirq steal; guest time is already in user/nice
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
            return new long[] {total, idle};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
