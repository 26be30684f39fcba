package io.weft.registry.data.monitor;

import io.prometheus.client.Collector;
import io.prometheus.client.CounterMetricFamily;
import io.prometheus.client.GaugeMetricFamily;
import io.weft.codec.bolt.guard.ConnectionRefusal;
import io.weft.codec.bolt.guard.FrameRefusal;
import io.weft.registry.data.ops.DataServerView;
import io.weft.registry.data.ops.DataStatus;
import java.util.List;
import java.util.Locale;

/**
 * The data server's metrics on {@code /metrics}, read fresh at each scrape: the ops guide's {@code dataDatum_total}
 * and {@code dataPub_total} (OPS-21) as gauges, the session connections and leases, the slots led and followed,
 * whether it works, and counters of lease evictions by kind ({@code dataRenewEvict_Expired},
 * {@code dataRenewEvict_Noheartbeat}), failed change notices ({@code data_SessionNotifierInvoke_Error},
 * {@code data_SessionNotifierRetryExceed_Error}), given-up replications, refused bodies, and the frames and
 * connections the guards of the session and replication ports refused.
 */
public final class DataCollector extends Collector implements Collector.Describable {

    static final String DATUMS = "registry_data_datums";
    static final String PUBLISHERS = "registry_data_publishers";
    static final String SESSION_CONNECTIONS = "registry_data_session_connections";
    static final String SESSION_LEASES = "registry_data_session_leases";
    static final String SLOTS = "registry_data_slots";
    static final String SLOT_TABLE_EPOCH = "registry_data_slot_table_epoch";
    static final String WORKING = "registry_data_working";
    /** Counters without the {@code _total} suffix, which the client library adds. */
    static final String RENEW_EVICTIONS = "registry_data_renew_evictions";
    static final String NOTIFY_ERRORS = "registry_data_notify_errors";
    static final String REPLICATION_ERRORS = "registry_data_replication_errors";
    static final String REFUSED_BODIES = "registry_data_refused_bodies";
    static final String REFUSED_FRAMES = "registry_data_refused_frames";
    static final String REFUSED_CONNECTIONS = "registry_data_refused_connections";
    /** The names of the guarded ports, the {@code port} label. */
    public static final String SESSION_PORT = "session";
    public static final String REPLICATION_PORT = "replication";
    private static final List<String> PORTS = List.of(SESSION_PORT, REPLICATION_PORT);

    private final DataServerView data;

    public DataCollector(DataServerView data) {
        this.data = data;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        DataStatus s = data.status();
        DataCounts c = data.counts();
        GaugeMetricFamily slots = new GaugeMetricFamily(SLOTS, "Slots this data server leads or holds a replica of.",
                List.of("role"));
        slots.addMetric(List.of("leader"), s.leaderSlots());
        slots.addMetric(List.of("follower"), s.followerSlots());
        CounterMetricFamily evictions = new CounterMetricFamily(RENEW_EVICTIONS, "Publishers removed because their"
                + " session process was replaced by a new one (expired, dataRenewEvict_Expired) or stopped renewing"
                + " its lease (no_heartbeat, dataRenewEvict_Noheartbeat).", List.of("reason"));
        evictions.addMetric(List.of("expired"), c.evictedExpired());
        evictions.addMetric(List.of("no_heartbeat"), c.evictedNoHeartbeat());
        CounterMetricFamily notify = new CounterMetricFamily(NOTIFY_ERRORS, "Change notices to sessions that failed"
                + " (invoke, data_SessionNotifierInvoke_Error) or were given up after the retries (retry_exceeded,"
                + " data_SessionNotifierRetryExceed_Error).", List.of("kind"));
        notify.addMetric(List.of("invoke"), c.notifyErrors());
        notify.addMetric(List.of("retry_exceeded"), c.notifyRetriesExceeded());
        CounterMetricFamily frames = new CounterMetricFamily(REFUSED_FRAMES, "Connections to a Bolt port closed at a"
                + " frame announcing more than maxFrameBytes (oversized), with a header Bolt cannot read (malformed),"
                + " or cut off in the middle (truncated).", List.of("port", "reason"));
        CounterMetricFamily connections = new CounterMetricFamily(REFUSED_CONNECTIONS, "New connections to a Bolt"
                + " port closed at once: past maxNewConnectionsPerIpPerSecond from one address (rate) or past"
                + " maxConnections (limit).", List.of("port", "reason"));
        for (String port : PORTS) {
            for (FrameRefusal reason : FrameRefusal.values()) {
                frames.addMetric(List.of(port, label(reason)), c.refusedFrames(port, reason));
            }
            for (ConnectionRefusal reason : ConnectionRefusal.values()) {
                connections.addMetric(List.of(port, label(reason)), c.refusedConnections(port, reason));
            }
        }
        return List.of(
                new GaugeMetricFamily(DATUMS, "Datums with publishers held here, led or replicated"
                        + " (dataDatum_total).", s.datums()),
                new GaugeMetricFamily(PUBLISHERS, "Publishers held here, led or replicated (dataPub_total).",
                        s.publishers()),
                new GaugeMetricFamily(SESSION_CONNECTIONS, "Open connections from session servers.",
                        s.sessionConnections()),
                new GaugeMetricFamily(SESSION_LEASES, "Session processes holding a lease here.", s.sessionLeases()),
                slots,
                new GaugeMetricFamily(SLOT_TABLE_EPOCH, "Epoch of the slot table in force, 0 before the first.",
                        s.slotTableEpoch()),
                new GaugeMetricFamily(WORKING, "1 once this data server works (REG-31), 0 before or when stopped.",
                        s.working() ? 1 : 0),
                evictions, notify,
                new CounterMetricFamily(REPLICATION_ERRORS, "Changed datums a follower did not get after the"
                        + " retries.", c.replicationErrors()),
                new CounterMetricFamily(REFUSED_BODIES, "Bolt bodies refused by the safe Hessian (class not allowed"
                        + " or denied, too large, malformed).", c.refusedBodies()),
                frames, connections);
    }

    private static String label(Enum<?> reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }

    /** Names only, so registering the collector computes nothing. */
    @Override
    public List<MetricFamilySamples> describe() {
        return List.of(new GaugeMetricFamily(DATUMS, "", List.of()),
                new GaugeMetricFamily(PUBLISHERS, "", List.of()),
                new GaugeMetricFamily(SESSION_CONNECTIONS, "", List.of()),
                new GaugeMetricFamily(SESSION_LEASES, "", List.of()),
                new GaugeMetricFamily(SLOTS, "", List.of("role")),
                new GaugeMetricFamily(SLOT_TABLE_EPOCH, "", List.of()),
                new GaugeMetricFamily(WORKING, "", List.of()),
                new CounterMetricFamily(RENEW_EVICTIONS, "", List.of("reason")),
                new CounterMetricFamily(NOTIFY_ERRORS, "", List.of("kind")),
                new CounterMetricFamily(REPLICATION_ERRORS, "", List.of()),
                new CounterMetricFamily(REFUSED_BODIES, "", List.of()),
                new CounterMetricFamily(REFUSED_FRAMES, "", List.of("port", "reason")),
                new CounterMetricFamily(REFUSED_CONNECTIONS, "", List.of("port", "reason")));
    }
}
