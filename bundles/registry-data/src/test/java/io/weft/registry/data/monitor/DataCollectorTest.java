package io.weft.registry.data.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.client.Collector;
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
        DataStatus status = new DataStatus(true, "127.0.0.1:9620", true, true, true, true, 7, 100, 50, 12, 40, 3, 2,
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
        assertEquals(collector.describe().size(), collector.collect().size());
    }
}
