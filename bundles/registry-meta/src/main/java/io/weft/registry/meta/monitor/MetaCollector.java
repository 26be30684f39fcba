package io.weft.registry.meta.monitor;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.prometheus.client.Collector;
import io.prometheus.client.CounterMetricFamily;
import io.prometheus.client.GaugeMetricFamily;
import io.weft.codec.bolt.guard.ConnectionRefusal;
import io.weft.codec.bolt.guard.FrameRefusal;
import io.weft.registry.meta.cluster.GuardedPort;
import io.weft.registry.meta.cluster.PortRefusals;
import io.weft.registry.meta.raft.MetaRaftNode;
import io.weft.registry.meta.raft.RaftRole;
import io.weft.registry.meta.state.MetaState;
import io.weft.registry.meta.state.PushSwitch;

/**
 * The meta server's metrics on {@code /metrics}, read fresh from this member at each scrape. They carry what
 * the ops guide's MetaServer alerts watch (OPS-20): {@code dataNodeList_is_empty_prod},
 * {@code sessionNodeList_is_empty_prod} and {@code metaNodeList_is_empty_prod} (a list is empty),
 * {@code meta_push_status_is_closed_prod} (push is stopped), {@code meta_health_check_fail_prod} (this member
 * is unhealthy) and {@code meta_role_change_prod} (a new leader). Lists are as this member applied them: a
 * follower may lag the leader briefly. Also the frames and connections the guards of the session, data and raft
 * ports refused (ARCHITECTURE §5), labelled {@code port} = {@code session}, {@code data} or {@code raft}.
 */
public final class MetaCollector extends Collector implements Collector.Describable {

    static final String RAFT_LEADER = "registry_meta_raft_leader";
    static final String RAFT_ROLE = "registry_meta_raft_role";
    static final String HAS_LEADER = "registry_meta_raft_has_leader";
    /** Without the {@code _total} suffix, which the client library adds to counters. */
    static final String LEADER_CHANGES = "registry_meta_leader_changes";
    static final String HEALTHY = "registry_meta_healthy";
    static final String META_PEERS = "registry_meta_peers";
    static final String DATA_SERVERS = "registry_meta_data_servers";
    static final String SESSION_SERVERS = "registry_meta_session_servers";
    static final String META_LIST_EMPTY = "registry_meta_meta_node_list_empty";
    static final String DATA_LIST_EMPTY = "registry_meta_data_node_list_empty";
    static final String SESSION_LIST_EMPTY = "registry_meta_session_node_list_empty";
    static final String PUSH_STOPPED = "registry_meta_push_stopped";
    static final String PERSISTENT_DATA = "registry_meta_persistent_data";
    static final String REFUSED_FRAMES = "registry_meta_refused_frames";
    static final String REFUSED_CONNECTIONS = "registry_meta_refused_connections";

    private final MetaRaftNode raft;
    private final PortRefusals refusals;

    /** Without refusal counts of the guarded ports: they all read 0. */
    public MetaCollector(MetaRaftNode raft) {
        this(raft, new PortRefusals());
    }

    public MetaCollector(MetaRaftNode raft, PortRefusals refusals) {
        this.raft = Objects.requireNonNull(raft, "raft");
        this.refusals = Objects.requireNonNull(refusals, "refusals");
    }

    @Override
    public List<MetricFamilySamples> collect() {
        RaftRole role = raft.role();
        MetaState state = raft.state();
        int peers = raft.peers().size();
        int data = state.dataNodes().size();
        int sessions = state.sessionNodes().size();
        GaugeMetricFamily roles = new GaugeMetricFamily(RAFT_ROLE,
                "1 for this member's current raft role (Leader, Follower, Candidate, Inactive), 0 for the others.",
                List.of("role"));
        for (RaftRole r : RaftRole.values()) {
            roles.addMetric(List.of(r.label()), r == role ? 1 : 0);
        }
        CounterMetricFamily changes = new CounterMetricFamily(LEADER_CHANGES,
                "Times this member saw a new raft leader, itself or another, since it started (meta_role_change_prod).",
                raft.leaderChanges());
        CounterMetricFamily frames = new CounterMetricFamily(REFUSED_FRAMES, "Connections to the session, data or"
                + " raft port closed at a frame announcing more than the port's maximum frame (oversized), with a"
                + " header Bolt cannot read (malformed), or cut off in the middle (truncated).",
                List.of("port", "reason"));
        CounterMetricFamily connections = new CounterMetricFamily(REFUSED_CONNECTIONS, "New connections to the"
                + " session, data or raft port closed at once: past the port's new connections per address and second"
                + " (rate) or past its maximum connections (limit).", List.of("port", "reason"));
        for (GuardedPort port : GuardedPort.values()) {
            for (FrameRefusal reason : FrameRefusal.values()) {
                frames.addMetric(List.of(port.label(), label(reason)), refusals.frames(port, reason));
            }
            for (ConnectionRefusal reason : ConnectionRefusal.values()) {
                connections.addMetric(List.of(port.label(), label(reason)), refusals.connections(port, reason));
            }
        }
        return List.of(
                gauge(RAFT_LEADER, "1 while this member is the raft leader, else 0.", role == RaftRole.LEADER),
                roles,
                gauge(HAS_LEADER, "1 while this member knows a raft leader; 0 on every member means no election"
                        + " succeeded (REG-43).", raft.leader().isPresent()),
                changes,
                gauge(HEALTHY, "1 while this member is leader or follows a known leader, as /health/check answers"
                        + " success; 0 is meta_health_check_fail_prod.", raft.inGroupWithLeader()),
                new GaugeMetricFamily(META_PEERS, "Members of the meta raft group as this member knows them.", peers),
                new GaugeMetricFamily(DATA_SERVERS, "Registered DataServers.", data),
                new GaugeMetricFamily(SESSION_SERVERS, "Registered SessionServers.", sessions),
                gauge(META_LIST_EMPTY, "1 when the meta server list is empty (metaNodeList_is_empty_prod).", peers == 0),
                gauge(DATA_LIST_EMPTY, "1 when no DataServer is registered (dataNodeList_is_empty_prod).", data == 0),
                gauge(SESSION_LIST_EMPTY, "1 when no SessionServer is registered (sessionNodeList_is_empty_prod).",
                        sessions == 0),
                gauge(PUSH_STOPPED, "1 while the stop-push switch is on and sessions push nothing"
                        + " (meta_push_status_is_closed_prod), 0 while push is open.",
                        state.pushSwitch() == PushSwitch.CLOSED),
                new GaugeMetricFamily(PERSISTENT_DATA, "Persistent data entries (service-governance overrides, REG-66).",
                        state.persistentData().size()),
                frames, connections);
    }

    /** Names only, so registering the collector computes nothing. */
    @Override
    public List<MetricFamilySamples> describe() {
        return List.of(
                new GaugeMetricFamily(RAFT_LEADER, "", List.of()),
                new GaugeMetricFamily(RAFT_ROLE, "", List.of("role")),
                new GaugeMetricFamily(HAS_LEADER, "", List.of()),
                new CounterMetricFamily(LEADER_CHANGES, "", List.of()),
                new GaugeMetricFamily(HEALTHY, "", List.of()),
                new GaugeMetricFamily(META_PEERS, "", List.of()),
                new GaugeMetricFamily(DATA_SERVERS, "", List.of()),
                new GaugeMetricFamily(SESSION_SERVERS, "", List.of()),
                new GaugeMetricFamily(META_LIST_EMPTY, "", List.of()),
                new GaugeMetricFamily(DATA_LIST_EMPTY, "", List.of()),
                new GaugeMetricFamily(SESSION_LIST_EMPTY, "", List.of()),
                new GaugeMetricFamily(PUSH_STOPPED, "", List.of()),
                new GaugeMetricFamily(PERSISTENT_DATA, "", List.of()),
                new CounterMetricFamily(REFUSED_FRAMES, "", List.of("port", "reason")),
                new CounterMetricFamily(REFUSED_CONNECTIONS, "", List.of("port", "reason")));
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static GaugeMetricFamily gauge(String name, String help, boolean value) {
        return new GaugeMetricFamily(name, help, value ? 1 : 0);
    }
}
