package io.weft.registry.session;

import io.weft.codec.bolt.BoltHessian;
import io.prometheus.client.Collector;
import io.weft.api.acvip.AcvipServices;
import io.weft.api.acvip.ServiceAddress;
import io.weft.api.auth.AccessGuard;
import io.weft.api.health.HealthIndicator;
import io.weft.api.osp.SignatureVerifier;
import io.weft.registry.protocol.inprocess.InProcessDataPort;
import io.weft.registry.session.connection.ClientLimits;
import io.weft.registry.session.console.ConsoleFeedServlet;
import io.weft.registry.session.monitor.ConsoleLog;
import io.weft.registry.session.monitor.SessionCollector;
import io.weft.registry.session.ops.ConnectionsServlet;
import io.weft.registry.session.ops.DataCountServlet;
import io.weft.registry.session.ops.DiscoveryServlet;
import io.weft.registry.session.ops.HealthCheck;
import io.weft.registry.session.ops.HealthCheckServlet;
import io.weft.registry.session.ops.OpsJson;
import io.weft.registry.session.ops.PushSwitchServlet;
import jakarta.servlet.Servlet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
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

/**
 * The registry-session role (REG-3): runs a {@link SessionNode}, standalone or in a registry cluster when
 * {@code metaServers} is set (decision record 0021), and registers its ops servlets on the Felix
 * HTTP instance {@code httpInstance} (9603: discovery, {@code /health/check}, {@code /digest/pushSwitch},
 * {@code /connections/query}, {@code /digest/data/count}), the console feed on {@code consoleHttpInstance}
 * (9601, REG-91), the metrics collector, the health check, and the
 * client address for ACVIP ({@code SOFAREGISTRY}) while the client port listens. Only nodes with this
 * configuration run it.
 *
 * <p>Deactivation closes the port, the push, log and cluster threads, the connections to the meta and data
 * servers and every registration of this component; Bolt's own static executors stay (decision record 0015).
 */
@Component(service = {}, immediate = true, configurationPid = SessionServerComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SessionServerConfig.class)
public final class SessionServerComponent {

    static final String PID = "io.weft.registry.session";
    static final String HEALTH_NAME = "registry-session";

    private static final Logger LOG = LoggerFactory.getLogger("registry.session");

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SignatureVerifier signatureVerifier;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AccessGuard accessGuard;

    /** The data server of this node, when it runs one (decision record 0025); see {@link #bindLocalData}. */
    private InProcessDataPort localData;

    private BundleContext context;
    private SessionNode node;
    private ConsoleLog consoleLog;
    private SessionServerConfig config;
    private final List<ServiceRegistration<Servlet>> servlets = new ArrayList<>();
    private final List<ServletSpec> servletSpecs = new ArrayList<>();
    private ServiceRegistration<Servlet> consoleFeed;
    private ServiceRegistration<Collector> collector;
    private ServiceRegistration<HealthIndicator> health;
    private ServiceRegistration<ServiceAddress> address;
    private ServiceAddress listed;

    /** A servlet with its whiteboard name and paths. */
    private record ServletSpec(String name, Servlet servlet, String... paths) {
    }

    /** The node's one owner of Bolt's Hessian codec byte (codec bundle). */
    @Reference
    private BoltHessian boltHessian;

    @Activate
    synchronized void activate(BundleContext bundleContext, SessionServerConfig initial) {
        this.context = bundleContext;
        this.config = initial;
        SessionOptions options = optionsOf(initial); // a bad value fails activation, with the reason
        ClusterOptions cluster = clusterOf(initial);
        node = new SessionNode(boltHessian, () -> signatureVerifier, Clock.systemUTC());
        node.restartHandoverMillis(initial.restartHandoverMillis());
        useLocalData();
        node.apply(options, cluster, initial.advertisedHost().strip());
        updateAddress();

        OpsJson json = new OpsJson();
        HealthCheck check = new HealthCheck(node);
        servletSpecs.add(new ServletSpec("weft-registry-session-discovery", new DiscoveryServlet(node, json),
                DiscoveryServlet.QUERY, DiscoveryServlet.QUERY_WITH_WEIGHT));
        servletSpecs.add(new ServletSpec("weft-registry-session-health", new HealthCheckServlet(check, json),
                HealthCheckServlet.PATH));
        servletSpecs.add(new ServletSpec("weft-registry-session-push-switch",
                new PushSwitchServlet(node.pushSwitch(), () -> accessGuard, json), PushSwitchServlet.PATH));
        servletSpecs.add(new ServletSpec("weft-registry-session-connections", new ConnectionsServlet(node, json),
                ConnectionsServlet.PATH));
        servletSpecs.add(new ServletSpec("weft-registry-session-data-count", new DataCountServlet(node, json),
                DataCountServlet.PATH));
        for (ServletSpec spec : servletSpecs) {
            servlets.add(context.registerService(Servlet.class, spec.servlet(),
                    servletProperties(spec, initial.httpInstance())));
        }
        consoleFeed = context.registerService(Servlet.class, new ConsoleFeedServlet(node::consoleSnapshot),
                consoleFeedProperties(initial.consoleHttpInstance()));
        collector = context.registerService(Collector.class, new SessionCollector(node), null);
        health = context.registerService(HealthIndicator.class, new SessionHealth(HEALTH_NAME, check), null);
        consoleLog = new ConsoleLog(node);
        consoleLog.start(initial.consoleLogSeconds());
    }

    @Modified
    synchronized void modified(SessionServerConfig next) {
        SessionOptions options;
        ClusterOptions cluster;
        try {
            options = optionsOf(next);
            cluster = clusterOf(next);
        } catch (IllegalArgumentException e) {
            LOG.error("[session] configuration {} refused, still running the previous one: {}", PID, e.getMessage());
            return;
        }
        SessionServerConfig old = config;
        config = next;
        node.restartHandoverMillis(next.restartHandoverMillis());
        useLocalData();
        node.apply(options, cluster, next.advertisedHost().strip());
        updateAddress();
        if (!old.httpInstance().equals(next.httpInstance())) {
            for (int i = 0; i < servlets.size(); i++) {
                servlets.get(i).setProperties(servletProperties(servletSpecs.get(i), next.httpInstance()));
            }
        }
        if (!old.consoleHttpInstance().equals(next.consoleHttpInstance())) {
            consoleFeed.setProperties(consoleFeedProperties(next.consoleHttpInstance()));
        }
        if (old.consoleLogSeconds() != next.consoleLogSeconds()) {
            consoleLog.close();
            consoleLog = new ConsoleLog(node);
            consoleLog.start(next.consoleLogSeconds());
        }
    }

    /**
     * The data server of this node offers its session port in-process. Dynamic: a data server bundle that stops or
     * is upgraded takes it away (the calls go over Bolt meanwhile) and brings it back, and this session keeps running.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindLocalData(InProcessDataPort port) {
        localData = port;
        if (node != null) {
            useLocalData();
        }
    }

    synchronized void unbindLocalData(InProcessDataPort port) {
        // A replacement is bound before the one it replaces is unbound.
        if (localData != port) {
            return;
        }
        localData = null;
        if (node != null) {
            useLocalData();
        }
    }

    /** The node's data server to the session, unless the configuration says every data server over Bolt. */
    private void useLocalData() {
        node.localData(config.dataInProcess() ? localData : null);
    }

    @Deactivate
    synchronized void deactivate() {
        List<ServiceRegistration<?>> all = new ArrayList<>(servlets);
        all.add(consoleFeed);
        all.add(collector);
        all.add(health);
        all.add(address);
        all.forEach(SessionServerComponent::unregister);
        servlets.clear();
        address = null;
        listed = null;
        consoleLog.close();
        if (nodeShuttingDown()) {
            node.shutDown(config.shutdownBounceMillis());
        } else {
            node.close(config.restartHandoverMillis());
        }
    }

    /**
     * Whether the whole node stops (the framework is stopping), rather than this bundle alone (an upgrade, a
     * refresh, a changed feature): then no session of this node comes back, and its clients should move to
     * another at once.
     */
    private boolean nodeShuttingDown() {
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_ID);
        return system == null || system.getState() == Bundle.STOPPING;
    }

    static SessionOptions optionsOf(SessionServerConfig c) {
        return new SessionOptions(c.bindAddress().strip(), c.port(), c.dataCenter().strip(), c.zone().strip(),
                c.signatureRequired(), new ClientLimits(c.maxPayloadBytes(), c.maxFrameBytes(),
                        c.maxNewConnectionsPerIpPerSecond(), c.maxConnections()),
                c.pushTimeoutMillis(), c.pushCoalesceMillis(), c.pushRetryMillis(), c.syncConfigRetryMillis());
    }

    /** Standalone when {@code metaServers} is blank; otherwise the cluster link's settings (decision record 0021). */
    static ClusterOptions clusterOf(SessionServerConfig c) {
        return new ClusterOptions(ClusterOptions.metaServerList(c.metaServers()), c.heartbeatMillis(),
                c.renewMillis(), c.dataRequestTimeoutMillis());
    }

    /** Lists the client address for ACVIP while the port listens, and only then. */
    private void updateAddress() {
        OptionalInt port = node.boundPort();
        ServiceAddress next = null;
        if (port.isPresent()) {
            try {
                next = new ServiceAddress(AcvipServices.SOFAREGISTRY, node.advertisedHost(), port.getAsInt(),
                        config.dataCenter(), config.zone());
            } catch (IllegalArgumentException e) {
                LOG.error("[session] advertised address not listed with ACVIP: {}", e.getMessage());
            }
        }
        if (Objects.equals(next, listed)) {
            return;
        }
        unregister(address);
        address = next == null ? null : context.registerService(ServiceAddress.class, next, null);
        listed = next;
    }

    private static Hashtable<String, Object> servletProperties(ServletSpec spec, String instance) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, spec.paths());
        p.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, spec.name());
        // Felix HTTP publishes each instance's name on its runtime service: this picks the session's own
        // instance (9603) and keeps the ops API off the node's console port.
        p.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_TARGET, "(org.apache.felix.http.name=" + instance + ")");
        return p;
    }

    /** The feed takes every path of its own instance, so a wrong path is answered by it, in JSON. */
    private static Hashtable<String, Object> consoleFeedProperties(String instance) {
        return servletProperties(new ServletSpec("weft-registry-session-console-feed", null, "/*"), instance);
    }

    private static void unregister(ServiceRegistration<?> r) {
        if (r == null) {
            return;
        }
        try {
            r.unregister();
        } catch (IllegalStateException alreadyGone) {
            // The framework unregisters a stopping bundle's services itself.
        }
    }
}
