package io.weft.registry.meta.node;

import io.weft.codec.bolt.BoltHessian;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.prometheus.client.Collector;
import io.weft.api.auth.AccessGuard;
import io.weft.api.health.HealthIndicator;
import io.weft.registry.meta.http.MetaOpsServlets;
import io.weft.registry.meta.http.ReadinessServlet;
import io.weft.registry.meta.cluster.PortRefusals;
import io.weft.registry.meta.monitor.MetaCollector;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;

/**
 * The registry-meta role (REG-5, REG-40): runs a {@link MetaNode} and registers, for as long as it runs, its
 * ops servlets on the Felix HTTP instance {@code httpInstance} (9615: {@code /health/check},
 * {@code /digest/*}, {@code /stopPushDataSwitch/*}, {@code /manage/*}, {@code /persistentData/*}), the
 * readiness probe on {@code readinessHttpInstance} (8080: {@code /health/readiness}, OPS-3), the
 * {@code registry_meta_*} metrics collector and the {@code registry-meta} health check. Only nodes with this
 * configuration run it.
 *
 * <p>The meta server lists nothing with ACVIP: it serves no client, only the registry's own servers, which
 * find it by their configuration.
 *
 * <p>Deactivation unregisters everything and closes the member: its raft port, data directory files and
 * threads are released before it returns. Bolt's and JRaft's static executors stay (decision record 0015).
 */
@Component(service = {}, immediate = true, configurationPid = MetaServerComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = MetaServerConfig.class)
public final class MetaServerComponent {

    static final String PID = "io.weft.registry.meta";
    /** Set by the launcher; from elsewhere (tests, an IDE) the working directory is the home. */
    static final String HOME_PROPERTY = "weft.home";

    private static final Logger LOG = LoggerFactory.getLogger("registry.meta");

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AccessGuard accessGuard;

    /** The node's one owner of Bolt's Hessian codec byte (codec bundle), for the cluster ports. */
    @Reference
    private BoltHessian boltHessian;

    // Guarded by this.
    private BundleContext context;
    private Path home;
    private String httpInstance;
    private String readinessHttpInstance;
    private Running running;
    /** Outlives restarts of the member, so the refusal counters only rise. */
    private final PortRefusals refusals = new PortRefusals();

    /** A member with what it registered; all of it goes when the member does. */
    private record Running(MetaNode node, List<ServletRegistration> servlets, List<ServiceRegistration<?>> services) {
    }

    /** A servlet with its whiteboard name and path, on the ops instance or (readiness) the probe's own. */
    private record ServletRegistration(String name, String pattern, boolean readiness,
            ServiceRegistration<Servlet> registration) {
    }

    @Activate
    synchronized void activate(BundleContext bundleContext, MetaServerConfig config) {
        context = bundleContext;
        home = nodeHome(bundleContext);
        MetaNodeSettings settings;
        try {
            settings = MetaNodeSettings.of(config, home);
        } catch (IllegalArgumentException e) {
            // Activation fails with the reason; the next configuration is tried afresh.
            LOG.error("configuration {} refused: {}", PID, e.getMessage());
            throw e;
        }
        httpInstance = config.httpInstance().strip();
        readinessHttpInstance = config.readinessHttpInstance().strip();
        running = start(settings);
    }

    @Modified
    synchronized void modified(MetaServerConfig config) {
        MetaNodeSettings next;
        try {
            next = MetaNodeSettings.of(config, home);
        } catch (IllegalArgumentException e) {
            LOG.error("configuration {} refused, still running the previous one: {}", PID, e.getMessage());
            return;
        }
        String nextInstance = config.httpInstance().strip();
        String nextReadinessInstance = config.readinessHttpInstance().strip();
        boolean instanceChanged = !nextInstance.equals(httpInstance) || !nextReadinessInstance.equals(readinessHttpInstance);
        httpInstance = nextInstance;
        readinessHttpInstance = nextReadinessInstance;
        if (!next.equals(running.node().settings()) || running.node().failure().isPresent()) {
            LOG.info("configuration {} changed: restarting this meta server (the group keeps its state)", PID);
            stop(running);
            running = start(next);
        } else if (instanceChanged) {
            for (ServletRegistration servlet : running.servlets()) {
                servlet.registration().setProperties(servletProperties(servlet.name(), servlet.pattern(),
                        servlet.readiness() ? nextReadinessInstance : nextInstance));
            }
        }
    }

    @Deactivate
    synchronized void deactivate() {
        stop(running);
        running = null;
    }

    private Running start(MetaNodeSettings settings) {
        MetaNode node = new MetaNode(boltHessian, settings, refusals);
        node.start(); // a member that cannot run stays, inactive: its servlets and health say so
        List<ServletRegistration> servlets = new ArrayList<>();
        for (Map.Entry<String, HttpServlet> entry
                : MetaOpsServlets.create(node.raft(), node::clusterPortsListening, () -> accessGuard).entrySet()) {
            String name = servletName(entry.getKey());
            servlets.add(new ServletRegistration(name, entry.getKey(), false, context.registerService(Servlet.class,
                    entry.getValue(), servletProperties(name, entry.getKey(), httpInstance))));
        }
        MetaHealth health = new MetaHealth(node);
        String readinessName = servletName(ReadinessServlet.PATH);
        servlets.add(new ServletRegistration(readinessName, ReadinessServlet.PATH, true, context.registerService(
                Servlet.class, new ReadinessServlet(health::readiness),
                servletProperties(readinessName, ReadinessServlet.PATH, readinessHttpInstance))));
        List<ServiceRegistration<?>> services = List.of(
                context.registerService(Collector.class, new MetaCollector(node.raft(), refusals), null),
                context.registerService(HealthIndicator.class, health, null));
        return new Running(node, servlets, services);
    }

    private static void stop(Running r) {
        if (r == null) {
            return;
        }
        // Callers first, so no request reaches a member that is going.
        r.servlets().forEach(s -> unregister(s.registration()));
        r.services().forEach(MetaServerComponent::unregister);
        r.node().close();
    }

    /** {@code /health/check} → {@code weft-registry-meta-health-check}, {@code /digest/*} → {@code ...-digest}. */
    static String servletName(String pattern) {
        String path = pattern.endsWith("/*") ? pattern.substring(0, pattern.length() - 2) : pattern;
        return "weft-registry-meta" + path.replace('/', '-');
    }

    private static Hashtable<String, Object> servletProperties(String name, String pattern, String instance) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, pattern);
        p.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, name);
        // Felix HTTP publishes each instance's name on its runtime service: this picks the meta's own
        // instances (9615, 8080) and keeps the ops API and the probe off the node's console port.
        p.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_TARGET, "(org.apache.felix.http.name=" + instance + ")");
        return p;
    }

    static Path nodeHome(BundleContext context) {
        String value = context.getProperty(HOME_PROPERTY);
        return Path.of(value != null && !value.isBlank() ? value : System.getProperty("user.dir"));
    }

    private static void unregister(ServiceRegistration<?> r) {
        try {
            Objects.requireNonNull(r).unregister();
        } catch (IllegalStateException alreadyGone) {
            // The framework unregisters a stopping bundle's services itself.
        }
    }
}
