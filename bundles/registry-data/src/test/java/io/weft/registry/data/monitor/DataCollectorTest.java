package io.weft.registry.data.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.client.Collector;
import io.weft.codec.bolt.guard.ConnectionRefusal;
import io.weft.codec.bolt.guard.FrameRefusal;
import io.weft.registry.data.ops.DataServerView;
import io.weft.registry.data.ops.DataStatus;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DataCollectorTest {

    @Test
    @DisplayName("OPS-21: registry_data_* carry the datum and publisher totals, sessions, evictions and notice errors")
    void samples() {
        DataCounts counts = new DataCounts();
        counts.evictedExpired(2);
        counts.evictedNoHeartbeat(3);
        counts.notifyError();
        counts.notifyGivenUp();
        counts.frameRefused(DataCollector.REPLICATION_PORT, FrameRefusal.OVERSIZED);
        counts.connectionRefused(DataCollector.SESSION_PORT, ConnectionRefusal.RATE);
        counts.connectionRefused(DataCollector.SESSION_PORT, ConnectionRefusal.RATE);
        DataStatus status = new DataStatus(true, "127.0.0.1:9620", true, true, true, true, 7, 100, 50, 12, 40, 20, 3, 2,
                2);
        DataCollector collector = new DataCollector(new DataServerView() {
            @Override
            public DataStatus status() {
                return status;
            }

            @Override
            public DataCounts counts() {
                return counts;
            }
        });

        Map<String, Double> samples = new HashMap<>();
        for (Collector.MetricFamilySamples family : collector.collect()) {
            for (Collector.MetricFamilySamples.Sample sample : family.samples) {
                samples.put(sample.name + sample.labelValues, sample.value);
            }
        }

        assertEquals(12.0, samples.get("registry_data_datums[]"));
        assertEquals(40.0, samples.get("registry_data_publishers[]"));
        assertEquals(3.0, samples.get("registry_data_session_connections[]"));
        assertEquals(2.0, samples.get("registry_data_renew_evictions_total[expired]"));
        assertEquals(3.0, samples.get("registry_data_renew_evictions_total[no_heartbeat]"));
        assertEquals(1.0, samples.get("registry_data_notify_errors_total[invoke]"));
        assertEquals(1.0, samples.get("registry_data_notify_errors_total[retry_exceeded]"));
        assertEquals(100.0, samples.get("registry_data_slots[leader]"));
        assertEquals(1.0, samples.get("registry_data_working[]"));
        assertEquals(1.0, samples.get("registry_data_refused_frames_total[replication, oversized]"));
        assertEquals(0.0, samples.get("registry_data_refused_frames_total[session, malformed]"));
        assertEquals(2.0, samples.get("registry_data_refused_connections_total[session, rate]"));
        assertEquals(0.0, samples.get("registry_data_refused_connections_total[replication, limit]"));
        assertEquals(collector.describe().size(), collector.collect().size());
    }

    @Test
    @DisplayName("ARCHITECTURE §5: the refusals of the ports' guards are counted by port and reason")
    void refusalsByPort() {
        DataCounts counts = new DataCounts();
        counts.frameRefused("session", FrameRefusal.TRUNCATED);

        assertEquals(1, counts.refusedFrames("session", FrameRefusal.TRUNCATED));
        assertEquals(0, counts.refusedFrames("replication", FrameRefusal.TRUNCATED));
        assertEquals(0, counts.refusedConnections("session", ConnectionRefusal.LIMIT));
    }
}
