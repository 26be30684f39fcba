package io.weft.monitor.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.api.health.Health;
import io.weft.api.monitor.Alert;
import io.weft.api.monitor.Alert.State;
import io.weft.api.monitor.SystemSnapshot;
import io.weft.monitor.FakeNodeMonitor;

class MonitorHealthIndicatorTest {

    private final FakeNodeMonitor monitor =
            new FakeNodeMonitor(new SystemSnapshot(Instant.EPOCH, 1, 1, 1, 1, 1, 1, 1, 1, 1));
    private final MonitorHealthIndicator indicator = new MonitorHealthIndicator(monitor);

    @Test
    @DisplayName("OPS-18/OPS-19: the monitor check is UP while no alert fires")
    void upWithoutAlerts() {
        assertEquals("monitor", indicator.name());
        assertEquals(Health.up("no alerts firing"), indicator.check());
    }

    @Test
    @DisplayName("OPS-18/OPS-19: the monitor check is DEGRADED while alerts fire, and lists them")
    void degradedWithAlerts() {
        monitor.active.add(new Alert("cpu_usage", State.FIRING, 91.23, 80, Instant.EPOCH));
        monitor.active.add(new Alert("load5", State.FIRING, 4.5, 3, Instant.EPOCH));

        assertEquals(Health.degraded("alerts firing: cpu_usage=91.2 (threshold 80.0), load5=4.5 (threshold 3.0)"),
                indicator.check());
    }
}
