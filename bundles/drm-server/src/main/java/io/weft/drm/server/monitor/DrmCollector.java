package io.weft.drm.server.monitor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.prometheus.client.Collector;
import io.prometheus.client.CounterMetricFamily;
import io.prometheus.client.GaugeMetricFamily;
import io.weft.drm.server.connection.ClientSession;

/**
 * The DRM metrics on {@code /metrics} (DRM-14): long connections of this node per zone and of the
 * cluster, pushes (total by result and in the last minute), pulls (total by status and QPS over the last
 * minute), heartbeats. Read fresh at each scrape.
 */
public final class DrmCollector extends Collector implements Collector.Describable {

    static final String CONNECTIONS = "drm_long_connections";
    static final String CLUSTER_CONNECTIONS = "drm_cluster_long_connections";
    static final String PUSHES = "drm_pushes";
    static final String PUSHES_PER_MINUTE = "drm_pushes_per_minute";
    static final String PULLS = "drm_pull_requests";
    static final String PULL_QPS = "drm_pull_qps";
    static final String HEARTBEATS = "drm_heartbeats";

    private final Supplier<Collection<ClientSession>> sessions;
    private final LongSupplier clusterConnections;
    private final DrmMetrics metrics;

    public DrmCollector(Supplier<Collection<ClientSession>> sessions, LongSupplier clusterConnections,
            DrmMetrics metrics) {
        this.sessions = sessions;
        this.clusterConnections = clusterConnections;
        this.metrics = metrics;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        List<MetricFamilySamples> families = new ArrayList<>();
        GaugeMetricFamily connections = new GaugeMetricFamily(CONNECTIONS,
                "Client long connections registered on this drmdata node, by client zone.", List.of("zone"));
        List<ZoneStats> zones = ZoneStats.of(sessions.get());
        if (zones.isEmpty()) {
            connections.addMetric(List.of(ZoneStats.DEFAULT_ZONE), 0);
        }
        zones.forEach(z -> connections.addMetric(List.of(z.zone()), z.connections()));
        families.add(connections);
        families.add(new GaugeMetricFamily(CLUSTER_CONNECTIONS,
                "Client long connections of every live drmdata node (their last heartbeat rows).",
                clusterConnections.getAsLong()));
        CounterMetricFamily pushes = new CounterMetricFamily(PUSHES,
                "Version notifications sent to clients, by outcome (acknowledged or not).", List.of("result"));
        pushes.addMetric(List.of("ok"), metrics.pushesOk());
        pushes.addMetric(List.of("failed"), metrics.pushesFailed());
        families.add(pushes);
        families.add(new GaugeMetricFamily(PUSHES_PER_MINUTE, "Version notifications sent in the last full minute.",
                metrics.pushesLastMinute()));
        CounterMetricFamily pulls = new CounterMetricFamily(PULLS, "HTTP pull requests answered, by status.",
                List.of("status"));
        metrics.pullsByStatus().forEach((status, n) -> pulls.addMetric(List.of(Integer.toString(status)), n));
        families.add(pulls);
        families.add(new GaugeMetricFamily(PULL_QPS, "HTTP pull requests per second, averaged over the last full minute.",
                metrics.pullQpsLastMinute()));
        families.add(new CounterMetricFamily(HEARTBEATS, "Client heartbeats checked.", metrics.heartbeats()));
        return families;
    }

    /** Names only, so registering the collector computes nothing. */
    @Override
    public List<MetricFamilySamples> describe() {
        return List.of(new GaugeMetricFamily(CONNECTIONS, "", List.of("zone")),
                new GaugeMetricFamily(CLUSTER_CONNECTIONS, "", List.of()),
                new CounterMetricFamily(PUSHES, "", List.of("result")),
                new GaugeMetricFamily(PUSHES_PER_MINUTE, "", List.of()),
                new CounterMetricFamily(PULLS, "", List.of("status")),
                new GaugeMetricFamily(PULL_QPS, "", List.of()),
                new CounterMetricFamily(HEARTBEATS, "", List.of()));
    }
}
