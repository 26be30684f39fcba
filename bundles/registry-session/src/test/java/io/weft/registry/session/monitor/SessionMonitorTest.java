package io.weft.registry.session.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.CollectorRegistry;
import io.weft.registry.session.connection.RefusalCounts;
import io.weft.registry.session.ops.ClusterStatus;
import io.weft.registry.session.ops.FakeSessionView;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SessionMonitorTest {

    private final FakeSessionView session = new FakeSessionView();

    @Test
    @DisplayName("OPS-22: the metrics give pub, sub and connection counts, pushes by result and the push switch")
    void metrics() {
        session.publishers = 3;
        session.subscribers = 4;
        session.connections.add("127.0.0.1:40000");
        session.pushCounts.completed(null);
        session.pushCounts.completed(null);
        session.pushCounts.completed(new IllegalStateException("timeout"));
        session.pushSwitch.close();
        CollectorRegistry registry = new CollectorRegistry();
        new SessionCollector(session).register(registry);

        assertEquals(3.0, registry.getSampleValue("registry_session_publishers"));
        assertEquals(4.0, registry.getSampleValue("registry_session_subscribers"));
        assertEquals(1.0, registry.getSampleValue("registry_session_connections"));
        assertEquals(2.0, registry.getSampleValue("registry_session_pushes_total", new String[] {"result"},
                new String[] {"ok"}));
        assertEquals(1.0, registry.getSampleValue("registry_session_pushes_total", new String[] {"result"},
                new String[] {"failed"}));
        assertEquals(0.0, registry.getSampleValue("registry_session_push_switch_open"));
    }

    @Test
    @DisplayName("ARCHITECTURE §5: the metrics count refused frames and connections by reason, error answers by status")
    void refusalMetrics() {
        session.refusals.frameRefused(RefusalCounts.FrameRefusal.OVERSIZED);
        session.refusals.frameRefused(RefusalCounts.FrameRefusal.OVERSIZED);
        session.refusals.connectionRefused(RefusalCounts.ConnectionRefusal.RATE);
        session.refusals.errorResponse("SERVER_DESERIAL_EXCEPTION");
        CollectorRegistry registry = new CollectorRegistry();
        new SessionCollector(session).register(registry);

        assertEquals(2.0, registry.getSampleValue("registry_session_refused_frames_total", new String[] {"reason"},
                new String[] {"oversized"}));
        assertEquals(0.0, registry.getSampleValue("registry_session_refused_frames_total", new String[] {"reason"},
                new String[] {"malformed"}), "every reason is there from the start");
        assertEquals(1.0, registry.getSampleValue("registry_session_refused_connections_total",
                new String[] {"reason"}, new String[] {"rate"}));
        assertEquals(0.0, registry.getSampleValue("registry_session_refused_connections_total",
                new String[] {"reason"}, new String[] {"limit"}));
        assertEquals(1.0, registry.getSampleValue("registry_session_error_responses_total", new String[] {"status"},
                new String[] {"SERVER_DESERIAL_EXCEPTION"}));
    }

    @Test
    @DisplayName("REG-34, REG-36, REG-50: in a cluster the metrics say the mode, meta and data reachability, failures")
    void clusterMetrics() {
        session.cluster = new ClusterStatus(true, "p1", true, "10.0.0.9:9610", 7,
                Map.of("10.0.0.5:9620", true, "10.0.0.6:9620", false), 2, Map.of("session_pub_notifyDataFail", 4L));
        CollectorRegistry registry = new CollectorRegistry();
        new SessionCollector(session).register(registry);

        assertEquals(1.0, registry.getSampleValue("registry_session_clustered"));
        assertEquals(1.0, registry.getSampleValue("registry_session_meta_reachable"));
        assertEquals(7.0, registry.getSampleValue("registry_session_slot_table_epoch"));
        assertEquals(1.0, registry.getSampleValue("registry_session_data_servers", new String[] {"reachable"},
                new String[] {"false"}));
        assertEquals(2.0, registry.getSampleValue("registry_session_data_pending_writes"));
        assertEquals(4.0, registry.getSampleValue("registry_session_data_failures_total", new String[] {"event"},
                new String[] {"session_pub_notifyDataFail"}));
    }

    @Test
    @DisplayName("OPS-22: a standalone session reports clustered 0")
    void standaloneMetrics() {
        CollectorRegistry registry = new CollectorRegistry();
        new SessionCollector(session).register(registry);
        assertEquals(0.0, registry.getSampleValue("registry_session_clustered"));
    }

    @Test
    @DisplayName("OPS-22: describe names the same families as collect")
    void describeMatchesCollect() {
        SessionCollector collector = new SessionCollector(session);
        assertEquals(collector.describe().stream().map(f -> f.name).toList(),
                collector.collect().stream().map((MetricFamilySamples f) -> f.name).toList());
    }

    @Test
    @DisplayName("OPS-10, OPS-22: registry-console.log gets sessionPub_total, sessionSub_total, session_connect_total")
    void consoleLine() {
        session.publishers = 2;
        session.subscribers = 5;
        session.connections.add("127.0.0.1:40000");
        session.connections.add("127.0.0.1:40001");
        Logger console = (Logger) LoggerFactory.getLogger("registry.console");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        console.setLevel(ch.qos.logback.classic.Level.INFO);
        console.addAppender(appender);
        try (ConsoleLog log = new ConsoleLog(session)) {
            log.logNow();
        } finally {
            console.detachAppender(appender);
        }
        assertEquals(1, appender.list.size());
        assertEquals("sessionPub_total=2, sessionSub_total=5, session_connect_total=2",
                appender.list.get(0).getFormattedMessage());
    }
}
