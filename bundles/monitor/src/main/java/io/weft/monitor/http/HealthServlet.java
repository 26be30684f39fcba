package io.weft.monitor.http;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardTarget;

import io.weft.api.health.Health;
import io.weft.api.health.HealthIndicator;
import io.weft.monitor.health.CheckResult;
import io.weft.monitor.health.ComponentStates;
import io.weft.monitor.health.ComponentStatus;
import io.weft.monitor.health.HealthAggregator;
import io.weft.monitor.health.HealthReport;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /health}: the node's overall status, its DS components and its health checks, as JSON.
 * 200 when UP or DEGRADED (the node still serves), 503 when DOWN, so a load balancer takes it out.
 * Open to all: load balancer probes do not log in.
 */
@Component(service = Servlet.class)
@HttpWhiteboardTarget(MetricsServlet.NODE_HTTP)
@HttpWhiteboardServletPattern("/health")
@HttpWhiteboardServletName("weft-health")
public final class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ServiceComponentRuntime scr;
    private final String home;
    private final String roles;
    private final transient HealthJson json = new HealthJson();

    /** Replaced whole by SCR as indicators come and go; read once per request. */
    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<HealthIndicator> indicators;

    @Activate
    public HealthServlet(@Reference ServiceComponentRuntime scr, BundleContext context) {
        this.scr = scr;
        String homeProperty = context.getProperty("weft.home");
        this.home = homeProperty != null && !homeProperty.isBlank() ? homeProperty : System.getProperty("user.dir");
        String rolesProperty = context.getProperty("weft.roles");
        this.roles = rolesProperty != null ? rolesProperty : "";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<HealthIndicator> current = indicators;
        List<CheckResult> checks = HealthAggregator.runAll(current != null ? current : List.of());
        List<ComponentStatus> components = ComponentStates.read(scr);
        Health.Status status = HealthAggregator.overall(components, checks);
        long uptimeSeconds = ManagementFactory.getRuntimeMXBean().getUptime() / 1000;
        byte[] body = json.write(new HealthReport(status, home, roles, uptimeSeconds, components, checks))
                .getBytes(StandardCharsets.UTF_8);

        response.setStatus(status == Health.Status.DOWN
                ? HttpServletResponse.SC_SERVICE_UNAVAILABLE
                : HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
