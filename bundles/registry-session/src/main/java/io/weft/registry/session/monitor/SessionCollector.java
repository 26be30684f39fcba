package io.weft.registry.session.monitor;

import io.prometheus.client.Collector;
import io.prometheus.client.CounterMetricFamily;
import io.prometheus.client.GaugeMetricFamily;
import io.weft.registry.session.connection.RefusalCounts;
import io.weft.registry.session.ops.SessionView;
import io.weft.registry.session.push.PushCounts;
import java.util.List;
import java.util.Locale;

/**
 * The session metrics on {@code /metrics}: the ops guide's {@code sessionPub_total}, {@code sessionSub_total}
 * and {@code session_connect_total} (OPS-22) as gauges, pushes by result, the push switch, and what the client
 * port refused (ARCHITECTURE §5): frames and connections by reason, error answers by Bolt status. Read fresh at
 * each scrape.
 */
public final class SessionCollector extends Collector implements Collector.Describable {

    static final String PUBLISHERS = "registry_session_publishers";
    static final String SUBSCRIBERS = "registry_session_subscribers";
    static final String CONNECTIONS = "registry_session_connections";
    /** Without the {@code _total} suffix, which the client library adds to counters. */
    static final String PUSHES = "registry_session_pushes";
    static final String PUSH_SWITCH_OPEN = "registry_session_push_switch_open";
    static final String REFUSED_FRAMES = "registry_session_refused_frames";
    static final String REFUSED_CONNECTIONS = "registry_session_refused_connections";
    static final String ERROR_RESPONSES = "registry_session_error_responses";

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
        RefusalCounts refusals = session.refusals();
        CounterMetricFamily frames = new CounterMetricFamily(REFUSED_FRAMES, "Client frames that closed their"
                + " connection: announced above the frame limit (oversized), unreadable (malformed), or cut off by"
                + " the connection closing (truncated).", List.of("reason"));
        refusals.frames().forEach((reason, count) -> frames.addMetric(List.of(label(reason)), count));
        CounterMetricFamily connections = new CounterMetricFamily(REFUSED_CONNECTIONS, "New client connections"
                + " closed at once: too many from one address in a second (rate) or the connection limit reached"
                + " (limit).", List.of("reason"));
        refusals.connections().forEach((reason, count) -> connections.addMetric(List.of(label(reason)), count));
        CounterMetricFamily errors = new CounterMetricFamily(ERROR_RESPONSES, "Client requests answered with a"
                + " Bolt error status (unknown class, unreadable or refused body, failed processor, busy workers).",
                List.of("status"));
        refusals.errorResponses().forEach((status, count) -> errors.addMetric(List.of(status), count));
        return List.of(
                new GaugeMetricFamily(PUBLISHERS, "Publishers registered on this session (sessionPub_total).",
                        session.publishers()),
                new GaugeMetricFamily(SUBSCRIBERS, "Subscribers registered on this session (sessionSub_total).",
                        session.subscribers()),
                new GaugeMetricFamily(CONNECTIONS, "Client connections of this session (session_connect_total).",
                        session.connections().size()),
                pushed,
                new GaugeMetricFamily(PUSH_SWITCH_OPEN, "1 while this session pushes to clients, 0 while push is"
                        + " closed.", session.pushSwitch().isOpen() ? 1 : 0),
                frames, connections, errors);
    }

    private static String label(Enum<?> reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }

    /** Names only, so registering the collector computes nothing. */
    @Override
    public List<MetricFamilySamples> describe() {
        return List.of(new GaugeMetricFamily(PUBLISHERS, "", List.of()),
                new GaugeMetricFamily(SUBSCRIBERS, "", List.of()),
                new GaugeMetricFamily(CONNECTIONS, "", List.of()),
                new CounterMetricFamily(PUSHES, "", List.of("result")),
                new GaugeMetricFamily(PUSH_SWITCH_OPEN, "", List.of()),
                new CounterMetricFamily(REFUSED_FRAMES, "", List.of("reason")),
                new CounterMetricFamily(REFUSED_CONNECTIONS, "", List.of("reason")),
                new CounterMetricFamily(ERROR_RESPONSES, "", List.of("status")));
    }
}
