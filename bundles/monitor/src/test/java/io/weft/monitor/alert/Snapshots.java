package io.weft.monitor.alert;

import java.time.Instant;

import io.weft.api.monitor.SystemSnapshot;

/** Snapshots with chosen rule figures; the others are plausible constants. */
final class Snapshots {

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private Snapshots() {
    }

    static SystemSnapshot of(double cpu, double mem, double disk, double load5) {
        return at(T0, cpu, mem, disk, load5);
    }

    static SystemSnapshot at(Instant at, double cpu, double mem, double disk, double load5) {
        return new SystemSnapshot(at, cpu, 5, mem, disk, load5, 100, 1000, 2000, 50);
    }
}
