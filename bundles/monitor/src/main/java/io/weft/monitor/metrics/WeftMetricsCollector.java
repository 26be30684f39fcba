package io.weft.monitor.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.prometheus.client.Collector;
import io.prometheus.client.GaugeMetricFamily;
import io.weft.api.monitor.Alert;
import io.weft.api.monitor.AlertRule;
import io.weft.api.monitor.NodeMonitor;
import io.weft.api.monitor.SystemSnapshot;

/**
 * The node's own gauges, measured fresh at each scrape. A figure the probe could not take ({@code -1}) is
 * left out rather than exported, so that no dashboard or rule reads it as a real value.
 */
public final class WeftMetricsCollector extends Collector implements Collector.Describable {

    static final String SYSTEM_CPU = "weft_system_cpu_usage_percent";
    static final String PROCESS_CPU = "weft_process_cpu_usage_percent";
    static final String SYSTEM_MEMORY = "weft_system_memory_usage_percent";
    static final String HOME_DISK = "weft_home_disk_usage_percent";
    static final String LOAD5 = "weft_system_load5";
    static final String RSS = "weft_process_resident_memory_bytes";
    static final String OPEN_FDS = "weft_process_open_fds";
    static final String ALERT_FIRING = "weft_alert_firing";

    private final NodeMonitor monitor;

    public WeftMetricsCollector(NodeMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        SystemSnapshot s = monitor.measure();
        List<MetricFamilySamples> families = new ArrayList<>();
        families.add(gauge(SYSTEM_CPU, "CPU use of the whole host, percent.", s.systemCpuPercent()));
        families.add(gauge(PROCESS_CPU, "CPU use of this node's JVM relative to all host cores, percent.",
                s.processCpuPercent()));
        families.add(gauge(SYSTEM_MEMORY, "Host memory in use (total minus available), percent.",
                s.memoryPercent()));
        families.add(gauge(HOME_DISK, "Use of the file system holding the node's home folder, percent.",
                s.diskPercent()));
        families.add(gauge(LOAD5, "Five-minute load average of the host.", s.load5()));
        families.add(gauge(RSS, "Resident set size of this node's process, bytes.", s.rssBytes()));
        families.add(gauge(OPEN_FDS, "File descriptors open in this node's process.", s.openFileDescriptors()));
        families.add(alertFiring());
        return families;
    }

    /** Names only, so registering the collector does not take a measurement. */
    @Override
    public List<MetricFamilySamples> describe() {
        List<MetricFamilySamples> families = new ArrayList<>();
        for (String name : List.of(SYSTEM_CPU, PROCESS_CPU, SYSTEM_MEMORY, HOME_DISK, LOAD5, RSS, OPEN_FDS)) {
            families.add(new GaugeMetricFamily(name, "", Collections.emptyList()));
        }
        families.add(new GaugeMetricFamily(ALERT_FIRING, "", List.of("rule")));
        return families;
    }

    /** 1 for each rule firing, 0 for each other rule: every rule always has a series. */
    private GaugeMetricFamily alertFiring() {
        Set<String> firing = new HashSet<>();
        for (Alert alert : monitor.activeAlerts()) {
            firing.add(alert.rule());
        }
        GaugeMetricFamily family = new GaugeMetricFamily(ALERT_FIRING,
                "1 while the alert rule is firing, else 0.", List.of("rule"));
        for (AlertRule rule : monitor.rules()) {
            family.addMetric(List.of(rule.name()), firing.contains(rule.name()) ? 1 : 0);
        }
        return family;
    }

    private static GaugeMetricFamily gauge(String name, String help, double value) {
        GaugeMetricFamily family = new GaugeMetricFamily(name, help, Collections.emptyList());
        if (value >= 0) {
            family.addMetric(Collections.emptyList(), value);
        }
        return family;
    }
}
