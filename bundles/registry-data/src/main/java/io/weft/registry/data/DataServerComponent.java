package io.weft.registry.data;

import io.weft.codec.bolt.BoltHessian;
import io.weft.codec.bolt.guard.GuardLimits;
import io.prometheus.client.Collector;
import io.weft.api.health.HealthIndicator;
import io.weft.registry.data.monitor.DataCollector;
import io.weft.registry.data.ops.DatumCountServlet;
import io.weft.registry.data.ops.HealthCheck;
import io.weft.registry.data.ops.HealthCheckServlet;
import io.weft.registry.data.ops.OpsJson;
import io.weft.registry.protocol.inprocess.InProcessDataPort;
import jakarta.servlet.Servlet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry-data role (REG-4): runs a {@link DataNode} and registers its ops servlets on the Felix HTTP instance
 * {@code httpInstance} (9622: {@code /health/check}, {@code /digest/datum/count}), the {@code registry_data_*}
 * metrics and the {@code registry-data} health check. Only nodes with this configuration run it.
 *
 * <p>Deactivation closes the ports, the threads and every registration of this component; Bolt's own static
 * executors stay (decision record 0015).
 */
@Component(service = {}, immediate = true, configurationPid = DataServerComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DataServerConfig.class)
public final class DataServerComponent {

    static final String PID = "io.weft.registry.data";

    private static final Logger LOG = LoggerFactory.getLogger("registry.data");

    private DataNode node;
    private DataServerConfig config;
    private final List<ServiceRegistration<Servlet>> servlets = new ArrayList<>();
    private final List<ServletSpec> servletSpecs = new ArrayList<>();
    private ServiceRegistration<Collector> collector;
    private ServiceRegistration<HealthIndicator> health;
    private ServiceRegistration<InProcessDataPort> inProcess;

    /** A servlet with its whiteboard name and path. */
    private record ServletSpec(String name, Servlet servlet, String path) {
    }

    /** The node's one owner of Bolt's Hessian codec byte (codec bundle). */
    @Reference
    private BoltHessian boltHessian;

    @Activate
    synchronized void activate(BundleContext context, DataServerConfig initial) {
        DataServerOptions options = optionsOf(initial); // a bad value fails activation, with the reason
        config = initial;
        node = new DataNode(boltHessian, Clock.systemUTC());
        node.apply(options);

        OpsJson json = new OpsJson();
        HealthCheck check = new HealthCheck(node);
        servletSpecs.add(new ServletSpec("weft-registry-data-health", new HealthCheckServlet(check, json),
                HealthCheckServlet.PATH));
        servletSpecs.add(new ServletSpec("weft-registry-data-datum-count", new DatumCountServlet(node, json),
                DatumCountServlet.PATH));
        for (ServletSpec spec : servletSpecs) {
            servlets.add(context.registerService(Servlet.class, spec.servlet(),
                    servletProperties(spec, initial.httpInstance())));
        }
        collector = context.registerService(Collector.class, new DataCollector(node), null);
        health = context.registerService(HealthIndicator.class, new DataHealth(check), null);
        // The sessions of this node reach this data server without Bolt (decision record 0025).
        inProcess = context.registerService(InProcessDataPort.class, node.inProcess(), null);
    }

    @Modified
    synchronized void modified(DataServerConfig next) {
        DataServerOptions options;
        try {
            options = optionsOf(next);
        } catch (IllegalArgumentException e) {
            LOG.error("[data] configuration {} refused, still running the previous one: {}", PID, e.getMessage());
            return;
        }
        DataServerConfig old = config;
        config = next;
        node.apply(options);
        if (!old.httpInstance().equals(next.httpInstance())) {
            for (int i = 0; i < servlets.size(); i++) {
                servlets.get(i).setProperties(servletProperties(servletSpecs.get(i), next.httpInstance()));
            }
        }
    }

    @Deactivate
    synchronized void deactivate() {
        List<ServiceRegistration<?>> all = new ArrayList<>(servlets);
        all.add(collector);
        all.add(health);
        all.add(inProcess);
        all.forEach(DataServerComponent::unregister);
        servlets.clear();
        servletSpecs.clear();
        node.close();
    }

    static DataServerOptions optionsOf(DataServerConfig c) {
        return new DataServerOptions(c.bindAddress().strip(), c.advertisedHost().strip(), c.sessionPort(),
                c.replicationPort(), DataServerOptions.metaServerList(c.metaServers()), c.dataCenter().strip(),
                c.zone().strip(), c.heartbeatMillis(), c.leaseMillis(), c.leaseCheckMillis(), c.notifyRetries(),
                c.notifyRetryMillis(), c.requestTimeoutMillis(), c.maxPayloadBytes(),
                new GuardLimits(c.maxFrameBytes(), c.maxNewConnectionsPerIpPerSecond(), c.maxConnections()),
                c.emptyDatumRetentionMillis());
    }

    private static Hashtable<String, Object> servletProperties(ServletSpec spec, String instance) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, spec.path());
        p.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, spec.name());
        // Felix HTTP publishes each instance's name on its runtime service: this picks the data server's own
        // instance (9622) and keeps the ops API off the node's console port.
        p.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_TARGET, "(org.apache.felix.http.name=" + instance + ")");
        return p;
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
