package io.weft.acvip;

import java.time.Clock;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
import io.weft.acvip.book.AddressBook;
import io.weft.acvip.domain.DomainResolver;
import io.weft.acvip.http.AcvipServlet;
import io.weft.acvip.http.RegistrationGuard;
import io.weft.acvip.metrics.AcvipCollector;
import io.weft.acvip.poll.PollHub;
import io.weft.acvip.poll.Timer;
import io.weft.acvip.probe.ProbeSweep;
import io.weft.acvip.probe.TcpProber;
import io.weft.api.acvip.ServiceAddress;
import io.weft.api.health.HealthIndicator;
import io.weft.api.osp.InstanceDirectory;
import io.weft.api.osp.SignatureVerifier;
import jakarta.servlet.Servlet;

/**
 * The ACVIP role: owns the address book, the probes and the long polls, and registers the HTTP servlet
 * (on the Felix HTTP instance listening on the configured port), a metrics collector and a health check.
 *
 * <p>Addresses come from {@link ServiceAddress} services of this node and from registrations over HTTP,
 * which must be signed with an OSP AccessKey (checked by the {@link SignatureVerifier}) unless they come
 * from loopback and {@code registrationRequiresSignatureFromLoopback} is off.
 * Threads: {@code weft-acvip-timer} (2: probe sweeps and poll timeouts) and {@code weft-acvip-probe-N}
 * (the probes themselves); all stop in {@link #deactivate}, after every waiting poll is answered.
 */
@Component(service = {}, immediate = true, configurationPid = AcvipNode.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AcvipConfig.class)
public final class AcvipNode {

    static final String PID = "io.weft.acvip";
    static final String SERVLET_NAME = "weft-acvip";
    static final String PATH = "/antcloud/antvip/instances";

    private static final Logger LOG = LoggerFactory.getLogger(AcvipNode.class);

    private final Clock clock = Clock.systemUTC();
    private final AddressBook book;
    private final DomainResolver resolver;
    private final PollHub hub;
    private final ScheduledThreadPoolExecutor timers;
    private final ThreadPoolExecutor probes;
    private final ProbeSweep sweep;
    /** Each local service as registered → as put in the book (with the node's data center and zone). */
    private final Map<ServiceAddress, ServiceAddress> local = new ConcurrentHashMap<>();
    private volatile AcvipConfig config;
    private ScheduledFuture<?> sweeping;
    private ServiceRegistration<Servlet> servlet;
    private ServiceRegistration<Collector> collector;
    private ServiceRegistration<HealthIndicator> health;

    @Activate
    public AcvipNode(BundleContext context, AcvipConfig config,
            @Reference(name = "instanceDirectory") InstanceDirectory directory,
            @Reference(name = "signatureVerifier") SignatureVerifier verifier) {
        this.config = config;
        this.timers = new ScheduledThreadPoolExecutor(2, threads("weft-acvip-timer"));
        this.timers.setRemoveOnCancelPolicy(true);
        this.probes = new ThreadPoolExecutor(threadsOf(config), threadsOf(config), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads("weft-acvip-probe"));
        PollHub[] hubRef = new PollHub[1];
        this.book = new AddressBook(clock, Duration.ofMillis(config.deadAfterMillis()), services -> {
            logListed(services);
            if (hubRef[0] != null) {
                hubRef[0].changed(services);
            }
        });
        this.resolver = new DomainResolver(() -> directory, book);
        Timer timer = (task, delay) -> {
            ScheduledFuture<?> f = timers.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        };
        this.hub = new PollHub(resolver::answer, timer, Duration.ofSeconds(config.maxPollWaitSeconds()),
                config.maxWaitingPolls());
        hubRef[0] = hub;
        this.sweep = new ProbeSweep(book, new TcpProber(), probes, Duration.ofMillis(config.probeTimeoutMillis()));
        scheduleSweeps(config);

        RegistrationGuard guard = new RegistrationGuard(() -> verifier, () -> directory,
                () -> this.config.registrationRequiresSignatureFromLoopback());
        servlet = context.registerService(Servlet.class, new AcvipServlet(hub, book, this::leaseOf,
                () -> Duration.ofSeconds(this.config.maxPollWaitSeconds()), clock, guard), servletProperties(config));
        collector = context.registerService(Collector.class, new AcvipCollector(resolver::domainCount, book::counts,
                hub::waitingCount), null);
        health = context.registerService(HealthIndicator.class, new AcvipHealth(book), null);
        LOG.info("ACVIP started on HTTP instance '{}': maxPollWait={}s, probe every {} ms (timeout {} ms), dead after {} ms,"
                + " lease {}s (max {}s), dataCenter='{}', zone='{}',"
                + " registrationRequiresSignatureFromLoopback={}", config.httpInstance(), config.maxPollWaitSeconds(),
                config.probeIntervalMillis(), config.probeTimeoutMillis(), config.deadAfterMillis(),
                config.leaseSeconds(), config.maxLeaseSeconds(), config.dataCenter(), config.zone(),
                config.registrationRequiresSignatureFromLoopback());
    }

    @Modified
    void modified(AcvipConfig config) {
        AcvipConfig old = this.config;
        this.config = config;
        book.setDeadAfter(Duration.ofMillis(config.deadAfterMillis()));
        hub.configure(Duration.ofSeconds(config.maxPollWaitSeconds()), config.maxWaitingPolls());
        sweep.setTimeout(Duration.ofMillis(config.probeTimeoutMillis()));
        resizeProbes(threadsOf(config));
        if (old.probeIntervalMillis() != config.probeIntervalMillis()) {
            scheduleSweeps(config);
        }
        if (!old.httpInstance().equals(config.httpInstance())) {
            servlet.setProperties(servletProperties(config));
        }
        if (!old.dataCenter().equals(config.dataCenter()) || !old.zone().equals(config.zone())) {
            local.keySet().forEach(this::putLocal);
        }
        LOG.info("ACVIP reconfigured: HTTP instance '{}', maxPollWait={}s, probe every {} ms (timeout {} ms), dead after {} ms,"
                + " lease {}s (max {}s), dataCenter='{}', zone='{}',"
                + " registrationRequiresSignatureFromLoopback={}", config.httpInstance(), config.maxPollWaitSeconds(),
                config.probeIntervalMillis(), config.probeTimeoutMillis(), config.deadAfterMillis(),
                config.leaseSeconds(), config.maxLeaseSeconds(), config.dataCenter(), config.zone(),
                config.registrationRequiresSignatureFromLoopback());
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> r : new ServiceRegistration<?>[] {servlet, collector, health}) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // The framework unregisters a stopping bundle's services itself.
            }
        }
        hub.close();
        timers.shutdownNow();
        probes.shutdownNow();
        try {
            timers.awaitTermination(5, TimeUnit.SECONDS);
            probes.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("ACVIP stopped");
    }

    @Reference(service = ServiceAddress.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addAddress(ServiceAddress address) {
        putLocal(address);
    }

    void removeAddress(ServiceAddress address) {
        ServiceAddress put = local.remove(address);
        if (put != null) {
            book.removeLocal(put);
            LOG.info("{} {} of this node withdrawn", put.service(), put.hostAndPort());
        }
    }

    /** Puts a local address in the book with the node's data center and zone where it names none. */
    private void putLocal(ServiceAddress registered) {
        AcvipConfig c = config;
        ServiceAddress effective = new ServiceAddress(registered.service(), registered.host(), registered.port(),
                registered.dataCenter().isEmpty() ? c.dataCenter() : registered.dataCenter(),
                registered.zone().isEmpty() ? c.zone() : registered.zone());
        local.put(registered, effective);
        // Same service, host and port: the book replaces the data center and zone in place.
        book.putLocal(effective);
        LOG.info("{} {} of this node registered (dataCenter='{}', zone='{}')", effective.service(),
                effective.hostAndPort(), effective.dataCenter(), effective.zone());
    }

    /** The lease asked for, or the default, capped by the maximum. */
    private Duration leaseOf(Duration asked) {
        AcvipConfig c = config;
        long seconds = asked == null ? c.leaseSeconds() : asked.toSeconds();
        return Duration.ofSeconds(Math.max(1, Math.min(seconds, c.maxLeaseSeconds())));
    }

    private synchronized void scheduleSweeps(AcvipConfig c) {
        if (sweeping != null) {
            sweeping.cancel(false);
        }
        long interval = Math.max(100, c.probeIntervalMillis());
        sweeping = timers.scheduleWithFixedDelay(() -> {
            try {
                sweep.runOnce();
                // Products enabled or instances added in OSP send no event: waiting polls see them here.
                hub.recheckAll();
            } catch (RuntimeException e) {
                LOG.error("ACVIP probe sweep failed", e);
            }
        }, interval, interval, TimeUnit.MILLISECONDS);
    }

    private synchronized void resizeProbes(int n) {
        if (n > probes.getMaximumPoolSize()) {
            probes.setMaximumPoolSize(n);
            probes.setCorePoolSize(n);
        } else {
            probes.setCorePoolSize(n);
            probes.setMaximumPoolSize(n);
        }
    }

    private void logListed(Set<String> services) {
        for (String service : services) {
            List<String> listed = book.listed(service).stream().map(ServiceAddress::hostAndPort).toList();
            LOG.info("{} now lists {}", service, listed);
        }
    }

    private static Hashtable<String, Object> servletProperties(AcvipConfig c) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, new String[] {PATH, PATH + "/*"});
        p.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, SERVLET_NAME);
        p.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_ASYNC_SUPPORTED, Boolean.TRUE);
        // Felix HTTP publishes each instance's name on its runtime service: this picks the instance of
        // org.apache.felix.http~acvip (port 9003) and keeps ACVIP off the node's console port.
        p.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_TARGET, "(org.apache.felix.http.name=" + c.httpInstance() + ")");
        return p;
    }

    private static int threadsOf(AcvipConfig c) {
        return Math.max(1, Math.min(64, c.probeThreads()));
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
