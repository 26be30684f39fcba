package io.weft.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

import io.weft.api.monitor.Alert;
import io.weft.api.monitor.AlertRule;

class NodeMonitorServiceTest {

    @TempDir
    Path home;

    private final NodeMonitorService service = new NodeMonitorService();

    @AfterEach
    void deactivate() {
        service.deactivate();
    }

    @Test
    @DisplayName("OPS-18/OPS-19: without configuration the rules have the ops guide's thresholds")
    void defaultThresholds() {
        service.activate(context(), config(Map.of()));

        assertEquals(List.of(80.0, 80.0, 80.0, 3.0), service.rules().stream().map(AlertRule::threshold).toList());
        assertTrue(service.measure().diskPercent() >= 0);
    }

    @Test
    @DisplayName("OPS-18/OPS-19: a threshold lowered by configuration fires at once, without deactivation")
    void loweredThresholdFiresAtOnce() throws InterruptedException {
        // Thresholds no real host reaches, so nothing fires whatever this machine is doing.
        service.activate(context(), config(unreachable(1000.0)));
        assertTrue(service.activeAlerts().isEmpty());

        // Any real file system is more than 0% used, so disk_usage must fire on the immediate evaluation.
        service.modified(config(unreachable(0.0)));

        List<Alert> active = waitForAlerts();
        assertEquals("disk_usage", active.get(0).rule());
        assertEquals(0.0, active.get(0).threshold());
        assertEquals(0.0, service.rules().get(2).threshold());
    }

    private static Map<String, Object> unreachable(double diskThreshold) {
        return Map.of("cpuUsageThreshold", 1000.0, "memUsageThreshold", 1000.0, "load5Threshold", 1000.0,
                "diskUsageThreshold", diskThreshold, "evaluationIntervalSeconds", 3600L);
    }

    private List<Alert> waitForAlerts() throws InterruptedException {
        for (int i = 0; i < 100 && service.activeAlerts().isEmpty(); i++) {
            Thread.sleep(50);
        }
        return service.activeAlerts();
    }

    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class},
                (p, m, args) -> m.getName().equals("getProperty") && "weft.home".equals(args[0])
                        ? home.toString() : null);
    }

    /** The configuration DS would pass: the given values, the annotation's defaults for the rest. */
    private static MonitorConfig config(Map<String, Object> values) {
        return (MonitorConfig) Proxy.newProxyInstance(MonitorConfig.class.getClassLoader(),
                new Class<?>[] {MonitorConfig.class},
                (p, m, args) -> values.containsKey(m.getName()) ? values.get(m.getName()) : m.getDefaultValue());
    }
}
