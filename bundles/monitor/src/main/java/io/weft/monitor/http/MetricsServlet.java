package io.weft.monitor.http;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardTarget;

import io.prometheus.client.Collector;
import io.prometheus.client.exporter.common.TextFormat;
import io.weft.api.monitor.NodeMonitor;
import io.weft.monitor.metrics.MetricsRegistry;
import io.weft.monitor.metrics.WeftMetricsCollector;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /metrics}: Prometheus text format 0.0.4. Open to all, like {@code /health}: scrapers do not
 * log in.
 *
 * <p>Every {@link Collector} registered as a service by another bundle is added to the output for as long
 * as it is registered (see {@link io.weft.monitor.metrics}).
 */
@Component(service = Servlet.class)
@HttpWhiteboardTarget(MetricsServlet.NODE_HTTP)
@HttpWhiteboardServletPattern("/metrics")
@HttpWhiteboardServletName("weft-metrics")
public final class MetricsServlet extends HttpServlet {

    /**
     * The node's own HTTP instance (named in node.json's {@code org.apache.felix.http} configuration),
     * so the node's endpoints are not also served on a role's dedicated port such as ACVIP's 9003.
     */
    public static final String NODE_HTTP = "(org.apache.felix.http.name=weft)";

    private static final long serialVersionUID = 1L;

    private final transient MetricsRegistry metrics;

    @Activate
    public MetricsServlet(@Reference NodeMonitor monitor) {
        this.metrics = new MetricsRegistry(new WeftMetricsCollector(monitor));
    }

    @Reference(
            service = Collector.class,
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addCollector(Collector collector) {
        metrics.addContributed(collector);
    }

    void removeCollector(Collector collector) {
        metrics.removeContributed(collector);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Rendered in full before anything is sent, so a failure is a clean 500, not a truncated body.
        String body = metrics.scrape();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(TextFormat.CONTENT_TYPE_004);
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body);
    }
}
