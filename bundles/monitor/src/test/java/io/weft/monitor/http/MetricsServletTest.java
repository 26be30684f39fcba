package io.weft.monitor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.prometheus.client.Collector;
import io.prometheus.client.GaugeMetricFamily;
import io.weft.api.monitor.SystemSnapshot;
import io.weft.monitor.FakeNodeMonitor;

class MetricsServletTest {

    private final MetricsServlet servlet = new MetricsServlet(new FakeNodeMonitor(
            new SystemSnapshot(Instant.EPOCH, 10, 1, 20, 30, 0.5, 1, 2, 3, 4)));

    @Test
    @DisplayName("OPS-16: GET /metrics answers 200 in Prometheus text format 0.0.4")
    void textFormat() throws IOException {
        FakeHttp.Response response = new FakeHttp.Response();

        servlet.doGet(FakeHttp.get(), response.asServletResponse());

        assertEquals(200, response.status);
        assertEquals("text/plain; version=0.0.4; charset=utf-8", response.contentType);
        assertTrue(response.body().contains("\nweft_home_disk_usage_percent 30.0\n"), response.body());
    }

    @Test
    @DisplayName("OPS-17: a Collector service bound to the servlet shows in /metrics until unbound")
    void collectorWhiteboard() throws IOException {
        Collector contributed = new Collector() {
            @Override
            public List<MetricFamilySamples> collect() {
                return List.of(new GaugeMetricFamily("weft_test_contributed", "test", 7));
            }
        };

        servlet.addCollector(contributed);
        FakeHttp.Response bound = new FakeHttp.Response();
        servlet.doGet(FakeHttp.get(), bound.asServletResponse());
        servlet.removeCollector(contributed);
        FakeHttp.Response unbound = new FakeHttp.Response();
        servlet.doGet(FakeHttp.get(), unbound.asServletResponse());

        assertTrue(bound.body().contains("\nweft_test_contributed 7.0\n"));
        assertTrue(!unbound.body().contains("weft_test_contributed"));
    }
}
