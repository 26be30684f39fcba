package io.weft.registry.meta.monitor;

import static io.weft.registry.meta.raft.TestSupport.await;
import static io.weft.registry.meta.raft.TestSupport.get;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.weft.registry.meta.command.RegisterNode;
import io.weft.registry.meta.command.SetPushSwitch;
import io.weft.registry.meta.raft.MetaRaftNode;
import io.weft.registry.meta.raft.MetaRaftOptions;
import io.weft.registry.meta.raft.TestSupport;
import io.weft.codec.bolt.guard.FrameRefusal;
import io.weft.codec.bolt.guard.LogThrottle;
import io.weft.registry.meta.cluster.GuardedPort;
import io.weft.registry.meta.cluster.PortRefusals;
import io.weft.registry.meta.state.NodeRole;
import io.weft.registry.meta.state.PushSwitch;

class MetaCollectorTest {

    @TempDir
    Path dir;

    /** Sample name, with its label value when it has one, to value. */
    private static Map<String, Double> scrape(MetaCollector collector) {
        Map<String, Double> values = new HashMap<>();
        for (MetricFamilySamples family : collector.collect()) {
            for (MetricFamilySamples.Sample s : family.samples) {
                String key = s.labelValues.isEmpty() ? s.name : s.name + "{" + s.labelValues.get(0) + "}";
                values.put(key, s.value);
            }
        }
        return values;
    }

    @Test
    @DisplayName("OPS-20: a member that is not running reports no leader, unhealthy and every node list empty")
    void inactive() {
        MetaRaftNode raft = new MetaRaftNode(new MetaRaftOptions().port(TestSupport.freePorts(1).get(0)).dataDir(dir));
        Map<String, Double> m = scrape(new MetaCollector(raft));
        assertEquals(0.0, m.get("registry_meta_raft_leader"));
        assertEquals(1.0, m.get("registry_meta_raft_role{Inactive}"));
        assertEquals(0.0, m.get("registry_meta_raft_has_leader"));
        assertEquals(0.0, m.get("registry_meta_healthy"));
        assertEquals(1.0, m.get("registry_meta_meta_node_list_empty"));
        assertEquals(1.0, m.get("registry_meta_data_node_list_empty"));
        assertEquals(1.0, m.get("registry_meta_session_node_list_empty"));
        assertEquals(0.0, m.get("registry_meta_push_stopped"));
    }

    @Test
    @DisplayName("OPS-20, REG-41, REG-63: the leader reports its role, the server counts, the stopped push and its election")
    void leader() throws Exception {
        try (MetaRaftNode raft = new MetaRaftNode(new MetaRaftOptions().port(TestSupport.freePorts(1).get(0))
                .dataDir(dir).evictIntervalMillis(0))) {
            raft.start();
            await("leader", raft::isLeader);
            get(raft.apply(new RegisterNode(NodeRole.DATA, "10.0.0.1", "dc1", 1)));
            get(raft.apply(new RegisterNode(NodeRole.DATA, "10.0.0.2", "dc1", 1)));
            get(raft.apply(new SetPushSwitch(PushSwitch.CLOSED)));
            MetaCollector collector = new MetaCollector(raft);
            Map<String, Double> m = scrape(collector);
            assertEquals(1.0, m.get("registry_meta_raft_leader"));
            assertEquals(1.0, m.get("registry_meta_raft_role{Leader}"));
            assertEquals(0.0, m.get("registry_meta_raft_role{Follower}"));
            assertEquals(1.0, m.get("registry_meta_raft_has_leader"));
            assertEquals(1.0, m.get("registry_meta_leader_changes_total"));
            assertEquals(1.0, m.get("registry_meta_healthy"));
            assertEquals(1.0, m.get("registry_meta_peers"));
            assertEquals(2.0, m.get("registry_meta_data_servers"));
            assertEquals(0.0, m.get("registry_meta_session_servers"));
            assertEquals(0.0, m.get("registry_meta_meta_node_list_empty"));
            assertEquals(0.0, m.get("registry_meta_data_node_list_empty"));
            assertEquals(1.0, m.get("registry_meta_session_node_list_empty"));
            assertEquals(1.0, m.get("registry_meta_push_stopped"));
            assertEquals(0.0, m.get("registry_meta_persistent_data"));
            assertEquals(0.0, m.get("registry_meta_refused_frames_total{session}"));
            assertEquals(0.0, m.get("registry_meta_refused_connections_total{data}"));
            assertEquals(0.0, m.get("registry_meta_refused_frames_total{raft}"));
            assertEquals(0.0, m.get("registry_meta_refused_connections_total{raft}"));
            // Labels first, then the counters' suffix: a labelled counter's name ends in _total before its labels.
            assertEquals(List.copyOf(m.keySet().stream().map(k -> k.replaceAll("\\{.*", "").replaceAll("_total$", ""))
                    .distinct().sorted().toList()), collector.describe().stream().map(f -> f.name).sorted().toList(),
                    "describe() names what collect() reports");
        }
    }

    @Test
    @DisplayName("REG-40 / bad input: refusals are reported by port, the raft port as port=\"raft\", under the"
            + " metric names the session and data ports always had")
    void refusalsByPort() {
        PortRefusals refusals = new PortRefusals();
        LogThrottle log = new LogThrottle(LoggerFactory.getLogger("registry.raft"), 10_000, System::currentTimeMillis);
        refusals.listener(GuardedPort.RAFT, log).frameRefused(FrameRefusal.OVERSIZED,
                new InetSocketAddress("127.0.0.1", 1), "test");
        refusals.listener(GuardedPort.DATA, log).frameRefused(FrameRefusal.MALFORMED,
                new InetSocketAddress("127.0.0.1", 2), "test");
        MetaRaftNode raft = new MetaRaftNode(new MetaRaftOptions().port(TestSupport.freePorts(1).get(0)).dataDir(dir));
        Map<String, Double> samples = new HashMap<>();
        for (MetricFamilySamples family : new MetaCollector(raft, refusals).collect()) {
            for (MetricFamilySamples.Sample s : family.samples) {
                if (s.labelNames.equals(List.of("port", "reason"))) {
                    samples.put(s.name + s.labelValues, s.value);
                }
            }
        }
        assertEquals(1.0, samples.get("registry_meta_refused_frames_total[raft, oversized]"));
        assertEquals(1.0, samples.get("registry_meta_refused_frames_total[data, malformed]"));
        assertEquals(0.0, samples.get("registry_meta_refused_frames_total[session, oversized]"));
        assertEquals(0.0, samples.get("registry_meta_refused_connections_total[raft, rate]"));
        assertEquals(0.0, samples.get("registry_meta_refused_connections_total[session, limit]"));
        assertEquals(3 * 3 + 3 * 2, samples.size(), "three ports by three frame and two connection reasons");
    }
}
