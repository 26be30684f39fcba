package io.weft.monitor.system;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.UnixOperatingSystemMXBean;

import io.weft.api.monitor.SystemSnapshot;

/**
 * Takes a {@link SystemSnapshot} of this JVM and its host.
 *
 * <p>Linux figures come from {@code /proc} because the JVM has no equivalent for MemAvailable, the load
 * average fields or the resident set size; where a file is missing (another OS, a locked-down container)
 * the JVM's own figures are used, or {@code -1} when there are none. The {@code /proc} root and the clock
 * are injectable so tests feed fake files and a fixed time.
 *
 * <p>Thread-safe: it holds no state of its own between measurements.
 */
public final class SystemProbe {

    private final Path home;
    private final Path procRoot;
    private final Clock clock;
    /** {@code null} on a JVM without the {@code com.sun.management} extensions. */
    private final OperatingSystemMXBean os;
    private final MemoryMXBean memory;

    /** A probe of the real host, measuring the disk that holds {@code home}. */
    public SystemProbe(Path home) {
        this(home, Path.of("/proc"), Clock.systemUTC());
    }

    /**
     * @param home     the node's home folder; its file store is the one whose use is reported
     * @param procRoot where {@code meminfo}, {@code loadavg} and {@code self/status} are read from
     * @param clock    gives each snapshot's time
     */
    public SystemProbe(Path home, Path procRoot, Clock clock) {
        this.home = home;
        this.procRoot = procRoot;
        this.clock = clock;
        java.lang.management.OperatingSystemMXBean platform = ManagementFactory.getOperatingSystemMXBean();
        this.os = platform instanceof OperatingSystemMXBean sun ? sun : null;
        this.memory = ManagementFactory.getMemoryMXBean();
    }

    /** Measures everything now. Never throws: what cannot be measured is {@code -1}. */
    public SystemSnapshot measure() {
        MemoryUsage heap = memory.getHeapMemoryUsage();
        return new SystemSnapshot(
                clock.instant(),
                os == null ? Percent.UNMEASURED : Percent.ofLoad(os.getCpuLoad()),
                os == null ? Percent.UNMEASURED : Percent.ofLoad(os.getProcessCpuLoad()),
                memoryPercent(),
                diskPercent(),
                ProcFiles.load5(read("loadavg")).orElse(-1),
                heap.getUsed(),
                heap.getMax(),
                ProcFiles.rssBytes(readLines("self/status")).orElse(-1),
                os instanceof UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : -1);
    }

    private double memoryPercent() {
        OptionalDouble fromProc = ProcFiles.memoryPercent(readLines("meminfo"));
        if (fromProc.isPresent()) {
            return fromProc.getAsDouble();
        }
        // Without /proc "free" is the best the JVM offers; it counts page cache as used, so it reads high.
        if (os == null || os.getTotalMemorySize() <= 0) {
            return Percent.UNMEASURED;
        }
        long total = os.getTotalMemorySize();
        return Percent.clamp((total - os.getFreeMemorySize()) * 100.0 / total);
    }

    /**
     * Use of the file store holding the home folder, computed as {@code df} does (used / (used + available
     * to unprivileged users)), so the figure matches what an operator sees on the host.
     */
    private double diskPercent() {
        try {
            FileStore store = Files.getFileStore(existingAncestor(home));
            long used = store.getTotalSpace() - store.getUnallocatedSpace();
            long denominator = used + store.getUsableSpace();
            return denominator <= 0 ? Percent.UNMEASURED : Percent.clamp(used * 100.0 / denominator);
        } catch (IOException | RuntimeException e) {
            return Percent.UNMEASURED;
        }
    }

    /** A home folder not created yet still lives on the file store of its nearest existing parent. */
    private static Path existingAncestor(Path path) {
        Path p = path.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? path : p;
    }

    private String read(String file) {
        try {
            return Files.readString(procRoot.resolve(file));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private List<String> readLines(String file) {
        try {
            return Files.readAllLines(procRoot.resolve(file));
        } catch (IOException | RuntimeException e) {
            return Collections.emptyList();
        }
    }
}
