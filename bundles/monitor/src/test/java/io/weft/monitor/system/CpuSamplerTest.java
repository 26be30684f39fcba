package io.weft.monitor.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuSamplerTest {

    @TempDir
    Path proc;

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return Instant.ofEpochMilli(now.get()); }
    };

    private void stat(long user, long system, long idle, long iowait) throws Exception {
        Files.writeString(proc.resolve("stat"), "cpu  " + user + " 0 " + system + " " + idle + " " + iowait + " 0 0 0 0 0\ncpu0 1 2 3 4\n");
    }

    @Test
    @DisplayName("OPS-18: cpu_usage is the busy share of host CPU over the time since the previous evaluation")
    void busyShareOverWindow() throws Exception {
        stat(100, 100, 800, 0);
        CpuSampler sampler = new CpuSampler(proc, clock);
        stat(100 + 450, 100 + 450, 800 + 50, 0 + 50);
        now.addAndGet(60_000);
        assertEquals(90.0, sampler.sample(), 1e-9);
    }

    @Test
    @DisplayName("OPS-18: a window under five seconds (e.g. right after start) reads as unmeasured, not as 100 %")
    void shortWindowIsUnmeasured() throws Exception {
        stat(100, 100, 800, 0);
        CpuSampler sampler = new CpuSampler(proc, clock);
        stat(200, 200, 800, 0);
        now.addAndGet(1_000);
        assertEquals(-1, sampler.sample());
        now.addAndGet(9_000);
        assertEquals(100.0, sampler.sample(), 1e-9, "the short sample did not reset the window");
    }

    @Test
    @DisplayName("OPS-18: without /proc/stat CPU is unmeasured and the rule never fires")
    void noProcStat() {
        CpuSampler sampler = new CpuSampler(proc, clock);
        now.addAndGet(60_000);
        assertEquals(-1, sampler.sample());
    }
}
