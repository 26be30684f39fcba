package io.weft.registry.session.monitor;

import io.prometheus.client.Collector;
import io.prometheus.client.CounterMetricFamily;
import io.prometheus.client.GaugeMetricFamily;
import io.weft.registry.session.ops.SessionView;
import io.weft.registry.session.push.PushCounts;
import java.util.List;

/**
 * The session metrics on {@code /metrics}: the ops guide's {@code sessionPub_total}, {@code sessionSub_total}
 * and {@code session_connect_total} (OPS-22) as gauges, pushes by result, and the push switch. Read fresh at
 * each scrape.
 */
public final class SessionCollector extends Collector implements Collector.Describable {

    static final String PUBLISHERS = "registry_session_publishers";
    static final String SUBSCRIBERS = "registry_session_subscribers";
    static final String CONNECTIONS = "registry_session_connections";
    /** Without the {@code _total} suffix, which the client library adds to counters. */
    static final String PUSHES = "registry_session_pushes";
    static final String PUSH_SWITCH_OPEN = "registry_session_push_switch_open";

    private final SessionView session;

    public SessionCollector(SessionView session) {
        this.session = session;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        PushCounts pushes = session.pushCounts();
        CounterMetricFamily pushed = new CounterMetricFamily(PUSHES,
                "Pushes (data and config) sent to clients, by outcome: acknowledged (ok) or not (failed).",
                List.of("result"));
        pushed.addMetric(List.of("ok"), pushes.ok());
        pushed.addMetric(List.of("failed"), pushes.failed());
        return List.of(
                new GaugeMetricFamily(PUBLISHERS, "Publishers registered on this session (sessionPub_total).",
                        session.publishers()),
                new GaugeMetricFamily(SUBSCRIBERS, "Subscribers registered on this session (sessionSub_total).",
                        session.subscribers()),
                new GaugeMetricFamily(CONNECTIONS, "Client connections of this session (session_connect_total).",
                        session.connections().size()),
                pushed,
                new GaugeMetricFamily(PUSH_SWITCH_OPEN, "1 while this session pushes to clients, 0 while push is"
                        + " closed.", session.pushSwitch().isOpen() ? 1 : 0));
    }

    /** Names only, so registering the collector computes nothing. */
    @Override
    public List<MetricFamilySamples> describe() {
        return List.of(new GaugeMetricFamily(PUBLISHERS, "", List.of()),
                new GaugeMetricFamily(SUBSCRIBERS, "", List.of()),
                new GaugeMetricFamily(CONNECTIONS, "", List.of()),
                new CounterMetricFamily(PUSHES, "", List.of("result")),
                new GaugeMetricFamily(PUSH_SWITCH_OPEN, "", List.of()));
    }
}
