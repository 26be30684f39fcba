package io.weft.monitor.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.weft.api.monitor.SystemSnapshot;

class SystemProbeTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");

    @TempDir
    Path proc;
    @TempDir
    Path home;

    @Test
    @DisplayName("OPS-18/OPS-19: mem_usage is (MemTotal - MemAvailable) / MemTotal from /proc/meminfo")
    void memoryFromMeminfo() throws IOException {
        Files.writeString(proc.resolve("meminfo"), """
                MemTotal:       16000000 kB
                MemFree:         1000000 kB
                MemAvailable:    4000000 kB
                Buffers:          200000 kB
                """);

        assertEquals(75.0, probe().measure().memoryPercent(), 1e-9);
    }

    @Test
    @DisplayName("OPS-18/OPS-19: load5 is the second field of /proc/loadavg")
    void load5FromLoadavg() throws IOException {
        Files.writeString(proc.resolve("loadavg"), "0.50 3.25 1.00 2/345 67890\n");

        assertEquals(3.25, probe().measure().load5(), 1e-9);
    }

    @Test
    @DisplayName("OPS-16: the resident set size is VmRSS of /proc/self/status, in bytes")
    void rssFromStatus() throws IOException {
        Files.createDirectories(proc.resolve("self"));
        Files.writeString(proc.resolve("self/status"), """
                Name:\tjava
                VmPeak:\t 9000000 kB
                VmRSS:\t  123456 kB
                Threads:\t42
                """);

        assertEquals(123456L * 1024, probe().measure().rssBytes());
    }

    @Test
    @DisplayName("OPS-18/OPS-19: without /proc, load5 and RSS are -1 and memory falls back to the JVM's figures")
    void fallbacksWithoutProc() {
        SystemSnapshot s = probe().measure();

        assertEquals(-1, s.load5());
        assertEquals(-1, s.rssBytes());
        assertTrue(s.memoryPercent() >= 0 && s.memoryPercent() <= 100, "memory % " + s.memoryPercent());
    }

    @Test
    @DisplayName("OPS-16: a snapshot has the clock's time, disk use of the home's file store and the JVM's figures")
    void jvmFigures() {
        SystemSnapshot s = probe().measure();

        assertEquals(NOW, s.takenAt());
        assertTrue(s.diskPercent() >= 0 && s.diskPercent() <= 100, "disk % " + s.diskPercent());
        assertTrue(s.systemCpuPercent() == -1 || s.systemCpuPercent() >= 0 && s.systemCpuPercent() <= 100);
        assertTrue(s.processCpuPercent() == -1 || s.processCpuPercent() >= 0 && s.processCpuPercent() <= 100);
        assertTrue(s.heapUsedBytes() > 0);
        assertTrue(s.openFileDescriptors() > 0 || s.openFileDescriptors() == -1);
    }

    @Test
    @DisplayName("OPS-18/OPS-19: malformed /proc files give -1, never an exception")
    void malformedProcFiles() throws IOException {
        Files.writeString(proc.resolve("loadavg"), "garbage");
        Files.writeString(proc.resolve("meminfo"), "MemTotal: lots kB\n");
        Files.createDirectories(proc.resolve("self"));
        Files.writeString(proc.resolve("self/status"), "VmRSS:\n");

        SystemSnapshot s = probe().measure();

        assertEquals(-1, s.load5());
        assertEquals(-1, s.rssBytes());
        assertTrue(s.memoryPercent() >= 0 && s.memoryPercent() <= 100);
    }

    private SystemProbe probe() {
        return new SystemProbe(home, proc, Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
