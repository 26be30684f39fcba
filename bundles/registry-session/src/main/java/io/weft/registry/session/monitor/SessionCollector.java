package io.weft.registry.session.monitor;

import io.prometheus.client.Collector;
import io.prometheus.client.CounterMetricFamily;
import io.prometheus.client.GaugeMetricFamily;
import io.weft.registry.session.connection.RefusalCounts;
import io.weft.registry.session.ops.ClusterStatus;
import io.weft.registry.session.ops.SessionView;
import io.weft.registry.session.push.PushCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The session metrics on {@code /metrics}: the ops guide's {@code sessionPub_total}, {@code sessionSub_total}
 * and {@code session_connect_total} (OPS-22) as gauges, pushes by result, the push switch, and what the client
 * port refused (ARCHITECTURE §5): frames and connections by reason, error answers by Bolt status; the mode and, in a
 * cluster, whether meta and data servers answer and the failures towards them (REG-34, REG-36, REG-28). Read fresh
 * at each scrape.
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
    static final String CLUSTERED = "registry_session_clustered";
    static final String META_REACHABLE = "registry_session_meta_reachable";
    static final String SLOT_TABLE_EPOCH = "registry_session_slot_table_epoch";
    static final String DATA_SERVERS = "registry_session_data_servers";
    static final String PENDING_WRITES = "registry_session_data_pending_writes";
    static final String DATA_FAILURES = "registry_session_data_failures";

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
        List<MetricFamilySamples> families = new ArrayList<>(List.of(
                new GaugeMetricFamily(PUBLISHERS, "Publishers registered on this session (sessionPub_total).",
                        session.publishers()),
                new GaugeMetricFamily(SUBSCRIBERS, "Subscribers registered on this session (sessionSub_total).",
                        session.subscribers()),
                new GaugeMetricFamily(CONNECTIONS, "Client connections of this session (session_connect_total).",
                        session.connections().size()),
                pushed,
                new GaugeMetricFamily(PUSH_SWITCH_OPEN, "1 while this session pushes to clients, 0 while push is"
                        + " closed.", session.pushSwitch().isOpen() ? 1 : 0),
                frames, connections, errors));
        families.addAll(cluster(session.cluster()));
        return families;
    }

    /**
     * The mode, and in a cluster whether meta and data servers answer and what failed towards them; a standalone
     * session has every family too, at zero, so dashboards need no case for it.
     */
    private static List<MetricFamilySamples> cluster(ClusterStatus status) {
        GaugeMetricFamily clustered = new GaugeMetricFamily(CLUSTERED, "1 while this session runs in a registry"
                + " cluster (meta servers configured), 0 while it runs standalone.", status.clustered() ? 1 : 0);
        GaugeMetricFamily servers = new GaugeMetricFamily(DATA_SERVERS, "Data servers known to this session, by"
                + " whether their last call was answered.", List.of("reachable"));
        long reachable = status.reachableDataServers();
        servers.addMetric(List.of("true"), reachable);
        servers.addMetric(List.of("false"), status.dataServers().size() - reachable);
        CounterMetricFamily failures = new CounterMetricFamily(DATA_FAILURES, "Failures towards the data servers by"
                + " the seed's event name: session_pub_notifyDataFail, session_ClientOff_notifyDataFail,"
                + " sessionRenew_fail, session_setZeroBySubFail.", List.of("event"));
        new TreeMap<>(status.failures()).forEach((event, count) -> failures.addMetric(List.of(event), count));
        return List.of(clustered,
                new GaugeMetricFamily(META_REACHABLE, "1 while a meta leader answers this session's heartbeat.",
                        status.metaReachable() ? 1 : 0),
                new GaugeMetricFamily(SLOT_TABLE_EPOCH, "Epoch of the slot table this session routes by, 0 before"
                        + " the first.", status.slotTableEpoch()),
                servers,
                new GaugeMetricFamily(PENDING_WRITES, "Publications and removals not yet taken by their slot"
                        + " leader.", status.pendingWrites()),
                failures);
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
                new CounterMetricFamily(ERROR_RESPONSES, "", List.of("status")),
                new GaugeMetricFamily(CLUSTERED, "", List.of()),
                new GaugeMetricFamily(META_REACHABLE, "", List.of()),
                new GaugeMetricFamily(SLOT_TABLE_EPOCH, "", List.of()),
                new GaugeMetricFamily(DATA_SERVERS, "", List.of("reachable")),
                new GaugeMetricFamily(PENDING_WRITES, "", List.of()),
                new CounterMetricFamily(DATA_FAILURES, "", List.of("event")));
    }
}
