package io.weft.drm.server;

import java.time.Clock;
import java.util.Arrays;
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

import io.prometheus.client.Collector;
import io.weft.api.acvip.AcvipCredentials;
import io.weft.api.acvip.ServiceAddress;
import io.weft.api.health.HealthIndicator;
import io.weft.api.store.Database;
import io.weft.api.store.MigrationException;
import io.weft.api.osp.SignatureVerifier;
import io.weft.drm.protocol.PullProtocol;
import io.weft.drm.server.check.CheckServiceServlet;
import io.weft.drm.server.core.DrmDataServer;
import io.weft.drm.server.core.Settings;
import io.weft.drm.server.node.AcvipPublication;
import io.weft.drm.server.pull.PullServlet;
import io.weft.drm.server.store.JdbcDrmStore;
import jakarta.servlet.Servlet;

/**
 * The drmdata role (DRM-2): runs a {@link DrmDataServer} on the shared DRM database and registers its
 * pull servlet ({@code /drm/pull} on the HTTP instance {@code httpInstance}), {@code /checkService} (on
 * {@code checkServiceHttpInstance}), the metrics collector, the health check, and its client address for
 * ACVIP while the client port is bound. Only nodes with this configuration run it.
 */
@Component(service = {}, immediate = true, configurationPid = DrmDataNode.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DrmServerConfig.class)
public final class DrmDataNode {

    static final String PID = "io.weft.drm.server";
    static final String PULL_SERVLET = "weft-drm-pull";
    static final String CHECK_SERVLET = "weft-drm-check";
    static final String CHECK_PATH = "/checkService";

    private static final Logger LOG = LoggerFactory.getLogger(DrmDataNode.class);

    private final BundleContext context;
    private final DrmDataServer server;
    private final AcvipPublication acvip;
    private volatile DrmServerConfig config;
    private ServiceRegistration<ServiceAddress> address;
    private final ServiceRegistration<Servlet> pull;
    private final ServiceRegistration<Servlet> check;
    private final ServiceRegistration<Collector> collector;
    private final ServiceRegistration<HealthIndicator> health;

    @Activate
    public DrmDataNode(BundleContext context, DrmServerConfig config,
            @Reference(name = "database", target = "(weft.database=weft)") Database database,
            @Reference(name = "signatureVerifier") SignatureVerifier verifier) throws MigrationException {
        this.context = context;
        this.config = config;
        Clock clock = Clock.systemUTC();
        JdbcDrmStore store = JdbcDrmStore.open(database, clock);
        this.server = new DrmDataServer(store, () -> verifier, settingsOf(config), clock);
        this.acvip = new AcvipPublication(this::publishLocal);
        server.onBindingChange(this::updateAddress);
        server.start();
        updateAddress();
        pull = context.registerService(Servlet.class, new PullServlet(server.pullService()), pullProperties(config));
        check = context.registerService(Servlet.class, new CheckServiceServlet(server.serviceCheck()),
                checkProperties(config));
        collector = context.registerService(Collector.class, server.collector(), null);
        health = context.registerService(HealthIndicator.class, new DrmHealth(server), null);
    }

    @Modified
    void modified(DrmServerConfig next) {
        DrmServerConfig old = this.config;
        this.config = next;
        server.reconfigure(settingsOf(next));
        updateAddress();
        if (!old.httpInstance().equals(next.httpInstance())) {
            pull.setProperties(pullProperties(next));
        }
        if (!old.checkServiceHttpInstance().equals(next.checkServiceHttpInstance())) {
            check.setProperties(checkProperties(next));
        }
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> r : new ServiceRegistration<?>[] {pull, check, collector, health}) {
            unregister(r);
        }
        synchronized (this) {
            acvip.close();
        }
        server.stop();
    }

    /** Lists the client address while the port is bound, with the ACVIP nodes configured. */
    private synchronized void updateAddress() {
        if (acvip == null) {
            return; // called from the server's first bind, before the publication exists; activate calls again
        }
        DrmServerConfig c = config;
        ServiceAddress a = AcvipPublication.addressOf(c.advertisedHost(), server.clientPort(), c.dataCenter(), c.zone());
        acvip.update(new AcvipPublication.Target(a, endpoints(c), credentials(c)));
    }

    private void publishLocal(ServiceAddress a) {
        if (address != null) {
            unregister(address);
            address = null;
        }
        if (a != null) {
            address = context.registerService(ServiceAddress.class, a, null);
        }
    }

    private static List<String> endpoints(DrmServerConfig c) {
        return Arrays.stream(c.acvipEndpoints().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static AcvipCredentials credentials(DrmServerConfig c) {
        if (c.acvipAccessKey().isBlank() || c.acvipSecretKey().isEmpty()) {
            return null;
        }
        try {
            return new AcvipCredentials(c.acvipInstanceId(), c.acvipAccessKey(), c.acvipSecretKey());
        } catch (IllegalArgumentException e) {
            LOG.error("ACVIP credentials of drmdata unusable ({}); registering unsigned", e.getMessage());
            return null;
        }
    }

    static Settings settingsOf(DrmServerConfig c) {
        return new Settings(c.bindAddress(), c.clientPort(), c.syncPort(), c.advertisedHost(), c.pullBaseUrl(),
                c.dataCenter(), c.zone(), c.heartbeatSeconds(), c.signatureRequired(), c.unsignedFromLoopback(),
                c.maxFrameBytes(), c.maxConnections(), c.maxAttributesPerClient(), c.ackTimeoutMillis(),
                c.catchUpMillis(), c.nodeHeartbeatSeconds(), c.nodeLiveSeconds(), c.pullTokenSeconds(),
                c.monitorIntervalSeconds(), endpoints(c));
    }

    private static Hashtable<String, Object> pullProperties(DrmServerConfig c) {
        return servletProperties(PULL_SERVLET, PullProtocol.PATH, c.httpInstance());
    }

    private static Hashtable<String, Object> checkProperties(DrmServerConfig c) {
        return servletProperties(CHECK_SERVLET, CHECK_PATH, c.checkServiceHttpInstance());
    }

    private static Hashtable<String, Object> servletProperties(String name, String path, String instance) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, path);
        p.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, name);
        // Felix HTTP publishes each instance's name on its runtime service: this picks the instance of
        // org.apache.felix.http~<instance> and keeps the servlet off the node's console port.
        p.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_TARGET, "(org.apache.felix.http.name=" + instance + ")");
        return p;
    }

    private static void unregister(ServiceRegistration<?> r) {
        try {
            r.unregister();
        } catch (IllegalStateException alreadyGone) {
            // The framework unregisters a stopping bundle's services itself.
        }
    }
}
