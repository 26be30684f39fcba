package io.weft.monitor.system;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Parses the few Linux {@code /proc} files the probe reads. Pure functions over file contents, so the
 * formats are tested without a Linux host; an absent or malformed field gives an empty result and the
 * probe falls back to the JVM's own figures.
 */
final class ProcFiles {

    private ProcFiles() {
    }

    /**
     * Host memory in use as a percentage, from {@code /proc/meminfo}: (MemTotal - MemAvailable) / MemTotal.
     * MemAvailable (not MemFree) is used because page cache the kernel can drop is not memory pressure.
     */
    static OptionalDouble memoryPercent(List<String> meminfo) {
        OptionalLong total = field(meminfo, "MemTotal:");
        OptionalLong available = field(meminfo, "MemAvailable:");
        if (total.isEmpty() || available.isEmpty() || total.getAsLong() <= 0) {
            return OptionalDouble.empty();
        }
        long used = total.getAsLong() - available.getAsLong();
        return OptionalDouble.of(Percent.clamp(used * 100.0 / total.getAsLong()));
    }

    /** The five-minute load average: the second field of {@code /proc/loadavg}. */
    static OptionalDouble load5(String loadavg) {
        String[] fields = loadavg.trim().split("\\s+");
        if (fields.length < 2) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(fields[1]));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** The resident set size in bytes, from the {@code VmRSS} line of {@code /proc/self/status} (in kB). */
    static OptionalLong rssBytes(List<String> status) {
        OptionalLong kb = field(status, "VmRSS:");
        return kb.isPresent() ? OptionalLong.of(kb.getAsLong() * 1024) : OptionalLong.empty();
    }

    /** The number after {@code key} on the line that starts with it, e.g. {@code "MemTotal:  16318412 kB"}. */
    private static OptionalLong field(List<String> lines, String key) {
        for (String line : lines) {
            if (line.startsWith(key)) {
                String[] parts = line.substring(key.length()).trim().split("\\s+");
                try {
                    return OptionalLong.of(Long.parseLong(parts[0]));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }
}
