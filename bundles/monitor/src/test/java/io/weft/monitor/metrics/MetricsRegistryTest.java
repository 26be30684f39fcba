package io.weft.monitor.metrics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.prometheus.client.Collector;
import io.prometheus.client.GaugeMetricFamily;
import io.weft.api.monitor.Alert;
import io.weft.api.monitor.Alert.State;
import io.weft.api.monitor.SystemSnapshot;
import io.weft.monitor.FakeNodeMonitor;

class MetricsRegistryTest {

    private final FakeNodeMonitor monitor = new FakeNodeMonitor(new SystemSnapshot(
            Instant.EPOCH, 91.5, 12.25, 63.5, 42.0, 1.75, 100_000_000L, 500_000_000L, 300_000_000L, 123));
    private final MetricsRegistry metrics = new MetricsRegistry(new WeftMetricsCollector(monitor));

    @Test
    @DisplayName("OPS-16: /metrics exposes host CPU, memory and disk use, load5, RSS and open fds as gauges")
    void nodeGauges() {
        String text = metrics.scrape();

        assertTrue(text.contains("# TYPE weft_system_cpu_usage_percent gauge\n"), text);
        assertTrue(text.contains("\nweft_system_cpu_usage_percent 91.5\n"), text);
        assertTrue(text.contains("\nweft_process_cpu_usage_percent 12.25\n"), text);
        assertTrue(text.contains("\nweft_system_memory_usage_percent 63.5\n"), text);
        assertTrue(text.contains("\nweft_home_disk_usage_percent 42.0\n"), text);
        assertTrue(text.contains("\nweft_system_load5 1.75\n"), text);
        assertTrue(text.contains("\nweft_process_resident_memory_bytes 3.0E8\n"), text);
        assertTrue(text.contains("\nweft_process_open_fds 123.0\n"), text);
    }

    @Test
    @DisplayName("OPS-18/OPS-19: /metrics has weft_alert_firing 1 for each firing rule and 0 for the others")
    void alertFiring() {
        monitor.active.add(new Alert("cpu_usage", State.FIRING, 91.5, 80, Instant.EPOCH));

        String text = metrics.scrape();

        assertTrue(text.contains("\nweft_alert_firing{rule=\"cpu_usage\",} 1.0\n"), text);
        assertTrue(text.contains("\nweft_alert_firing{rule=\"mem_usage\",} 0.0\n"), text);
        assertTrue(text.contains("\nweft_alert_firing{rule=\"disk_usage\",} 0.0\n"), text);
        assertTrue(text.contains("\nweft_alert_firing{rule=\"load5\",} 0.0\n"), text);
    }

    @Test
    @DisplayName("OPS-16: a figure that cannot be measured (-1) is left out, not exported as -1")
    void unmeasuredLeftOut() {
        monitor.snapshot = new SystemSnapshot(Instant.EPOCH, -1, -1, 50, 50, -1, 1, 1, -1, -1);

        String text = metrics.scrape();

        assertFalse(text.contains("\nweft_system_load5 "), text);
        assertFalse(text.contains("\nweft_process_resident_memory_bytes "), text);
        assertTrue(text.contains("\nweft_system_memory_usage_percent 50.0\n"), text);
    }

    @Test
    @DisplayName("OPS-16: /metrics includes the JVM's hotspot metrics from its own registry")
    void hotspotMetrics() {
        String text = metrics.scrape();

        assertTrue(text.contains("\njvm_memory_bytes_used{area=\"heap\",}"), "memory pools");
        assertTrue(text.contains("\njvm_threads_current "), "threads");
        assertTrue(text.contains("\njvm_classes_currently_loaded "), "class loading");
        assertTrue(text.contains("\nprocess_cpu_seconds_total "), "standard exports");
        assertTrue(text.contains("# TYPE jvm_gc_collection_seconds summary"), "garbage collectors");
    }

    @Test
    @DisplayName("OPS-17: a collector contributed by another bundle is scraped while registered")
    void contributedCollector() {
        Collector registry = gauge("weft_registry_client_connections", 42);

        metrics.addContributed(registry);
        assertTrue(metrics.scrape().contains("\nweft_registry_client_connections 42.0\n"));

        metrics.removeContributed(registry);
        assertFalse(metrics.scrape().contains("weft_registry_client_connections"));
    }

    @Test
    @DisplayName("OPS-17: a contributed collector that throws loses only its own metrics")
    void throwingCollector() {
        metrics.addContributed(new Collector() {
            private int calls;

            @Override
            public List<MetricFamilySamples> collect() {
                if (calls++ > 0) { // the registry's name check at registration passes
                    throw new IllegalStateException("broken");
                }
                return List.of(new GaugeMetricFamily("weft_broken", "broken", 1));
            }
        });

        String text = metrics.scrape();

        assertTrue(text.contains("\nweft_system_cpu_usage_percent 91.5\n"));
        assertFalse(text.contains("weft_broken"));
    }

    @Test
    @DisplayName("OPS-17: a contributed collector whose names clash is refused and the others still served")
    void clashingCollectorRefused() {
        Collector clash = gauge("weft_system_load5", 99);

        metrics.addContributed(clash);
        metrics.removeContributed(clash); // never added: ignored

        String text = metrics.scrape();
        assertTrue(text.contains("\nweft_system_load5 1.75\n"), text);
        assertFalse(text.contains("99.0"), text);
    }

    private static Collector gauge(String name, double value) {
        return new Collector() {
            @Override
            public List<MetricFamilySamples> collect() {
                return List.of(new GaugeMetricFamily(name, "test", Collections.emptyList())
                        .addMetric(Collections.emptyList(), value));
            }
        };
    }
}
