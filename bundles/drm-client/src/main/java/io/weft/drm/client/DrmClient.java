package io.weft.drm.client;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.weft.api.acvip.AcvipClient;
import io.weft.drm.client.cache.LocalCache;
import io.weft.drm.client.connection.AcvipServers;
import io.weft.drm.client.connection.ConnectionSettings;
import io.weft.drm.client.connection.ServerConnection;
import io.weft.drm.client.connection.ServerLocator;
import io.weft.drm.client.connection.StaticServers;
import io.weft.drm.client.log.ClientLog;
import io.weft.drm.client.pull.PullClient;
import io.weft.drm.client.pull.UpdatePipeline;
import io.weft.drm.client.resource.AnnotatedResource;
import io.weft.drm.client.resource.AttributeState;
import io.weft.drm.client.resource.ListenerResource;
import io.weft.drm.client.resource.Resource;
import io.weft.drm.client.resource.ResourceTable;
import io.weft.drm.protocol.DrmKeys;

/**
 * An application's DRM client: declares resources, holds their current values and keeps them current
 * (DRM-5..7, DRM-10, DRM-22..27).
 * <pre>
 * DrmClient drm = DrmClient.builder()
 *         .instanceId("acme").appName("orders").dataCenter("dc1")
 *         .acvipEndpoints("http://10.0.0.1:9003")
 *         .accessKey(ak).secretKey(sk)
 *         .build();
 * drm.register(refreshCache);          // a {@code @DrmResource} object
 * drm.start();                         // cached values at once, then drmdata's
 * ...
 * drm.close();
 * </pre>
 * Resources may be registered before or after {@link #start()}. On start the values of the last run are
 * applied from the local cache, so the application has them even when no drmdata node answers; the
 * client then registers with drmdata in the background and keeps reconnecting and failing over by
 * itself. Thread-safe. {@link #close()} ends every thread the client started.
 */
public final class DrmClient implements AutoCloseable {

    private final String instanceId;
    private final Duration startTimeout;
    private final ClientLog log;
    private final LocalCache cache;
    private final ResourceTable table = new ResourceTable();
    private final ExecutorService pullWorkers;
    private final ExecutorService httpThreads;
    private final Executor callbacks;
    private final ExecutorService ownCallbacks;
    private final AcvipClient acvip;
    private final UpdatePipeline pipeline;
    private final ServerConnection connection;
    private final Object lifecycle = new Object();
    private boolean started;
    private boolean closed;

    private DrmClient(Builder b) {
        this.instanceId = b.instanceId;
        this.startTimeout = b.startTimeout;
        Random random = new Random();
        this.log = new ClientLog(b.logDir, b.clock);
        this.cache = new LocalCache(b.cacheDir, b.instanceId, log);
        this.pullWorkers = pool("weft-drm-pull", 4);
        this.httpThreads = cachedPool("weft-drm-http");
        if (b.callbackExecutor != null) {
            this.callbacks = b.callbackExecutor;
            this.ownCallbacks = null;
        } else {
            // A pool, not a single thread: one resource's slow callback must not hold up another's (DRM-27).
            this.ownCallbacks = cachedPool("weft-drm-callback");
            this.callbacks = ownCallbacks;
        }
        PullClient pull = new PullClient(b.instanceId, b.zone, b.dataCenter, b.pullConnectTimeout, b.pullTimeout,
                httpThreads, random);
        this.pipeline = new UpdatePipeline(table, pull, pullWorkers, cache, log);
        ServerLocator locator;
        if (b.servers != null) {
            this.acvip = null;
            locator = new StaticServers(b.servers, random);
        } else {
            this.acvip = AcvipClient.builder().endpoints(b.acvipEndpoints)
                    .from("weft-drm-client " + (b.appName.isEmpty() ? b.instanceId : b.appName))
                    .connectTimeout(b.connectTimeout).build();
            locator = new AcvipServers(acvip, b.instanceId, b.dataCenter, random);
        }
        ConnectionSettings settings = new ConnectionSettings(b.instanceId, b.appName, b.zone, b.dataCenter,
                b.clientIp, b.accessKey, b.secretKey, b.heartbeat, b.connectTimeout);
        this.connection = new ServerConnection(settings, locator, table, pipeline, pull, log, pullWorkers,
                b.clock, random);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Declares the resource of a {@link DrmResource} object: its {@link DrmAttribute} fields and setters
     * receive the values, its {@link DrmChanged} methods are called after each change.
     *
     * @throws IllegalArgumentException the object's class is not a valid resource, naming why
     * @throws IllegalStateException    its resource id is registered already, or the client is closed
     */
    public DrmRegistration register(Object resource) {
        return register(resource, null);
    }

    /** {@link #register(Object)}, and {@code listener} called after the {@link DrmChanged} methods. */
    public DrmRegistration register(Object resource, DrmListener listener) {
        return add(AnnotatedResource.of(resource, listener, callbacks, this::unregister));
    }

    /**
     * Declares a resource through the API: its values are text, read with
     * {@link DrmRegistration#value(String)} and handed to {@code listener} on every change.
     *
     * @throws IllegalArgumentException bad resource id or attribute names
     * @throws IllegalStateException    the resource id is registered already, or the client is closed
     */
    public DrmRegistration register(String resourceId, Set<String> attributes, DrmListener listener) {
        return add(new ListenerResource(resourceId, attributes, listener, callbacks, this::unregister));
    }

    private Resource add(Resource resource) {
        boolean running;
        synchronized (lifecycle) {
            checkOpen();
            checkNew(resource);
            running = started;
            if (!running) {
                // start() applies the cache to everything registered by then.
                table.add(resource);
            }
        }
        if (running) {
            // Cached values first, outside the lock (they call the application), while no pull can reach
            // the resource yet: it joins the table only afterwards.
            pipeline.applyFromCache(resource);
            synchronized (lifecycle) {
                checkOpen();
                table.add(resource);
            }
        }
        for (AttributeState s : resource.states()) {
            log.boot("registered " + instanceId + " " + s.key());
        }
        if (running) {
            connection.subscribeNew();
        }
        return resource;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the DRM client is closed");
        }
    }

    private void checkNew(Resource resource) {
        if (table.contains(resource.resourceId())) {
            throw new IllegalStateException("resource " + resource.resourceId()
                    + " is registered already; close that registration first");
        }
    }

    private void unregister(Resource resource) {
        table.remove(resource);
        List<String> keys = new ArrayList<>();
        for (AttributeState s : resource.states()) {
            keys.add(s.key());
        }
        connection.forget(keys);
    }

    /**
     * Applies the cached values, then connects to drmdata and waits (at most the start timeout) until the
     * first registration is answered and its values applied. Returns anyway when no node
     * answers in time, with the cached values in place; the client keeps trying in the background. Calling
     * it again does nothing.
     */
    public void start() {
        List<Resource> registered;
        synchronized (lifecycle) {
            checkOpen();
            if (started) {
                return;
            }
            cache.load();
            started = true;
            registered = table.resources();
        }
        // Outside the lock: this calls the application. The connection starts only afterwards, so no
        // pulled value races with a cached one.
        for (Resource r : registered) {
            pipeline.applyFromCache(r);
        }
        connection.start();
        try {
            connection.firstSync().get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.monitor("start " + instanceId + " not registered with drmdata within "
                    + startTimeout.toMillis() + " ms; continuing with cached values, still trying");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            log.error("start of the DRM client failed", e.getCause());
        }
    }

    /** Closes the connection and stops every thread the client started (and the callback pool it created). */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
        }
        connection.close();
        if (acvip != null) {
            acvip.close();
        }
        List<ExecutorService> pools = new ArrayList<>(List.of(pullWorkers, httpThreads));
        if (ownCallbacks != null) {
            pools.add(ownCallbacks);
        }
        for (ExecutorService pool : pools) {
            pool.shutdownNow();
        }
        for (ExecutorService pool : pools) {
            try {
                pool.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        log.close();
    }

    private static ExecutorService pool(String name, int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new java.util.concurrent.LinkedBlockingQueue<>(), daemonThreads(name));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ExecutorService cachedPool(String name) {
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemonThreads(name));
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** How a client is set up; only {@link #instanceId} and one way to find servers are required. */
    public static final class Builder {
        private String instanceId;
        private String appName = "";
        private String zone = "";
        private String dataCenter = "";
        private String clientIp = "";
        private String servers;
        private String acvipEndpoints;
        private String accessKey = "";
        private String secretKey = "";
        private Path cacheDir;
        private Path logDir;
        private Executor callbackExecutor;
        private Duration heartbeat;
        private Duration connectTimeout = Duration.ofSeconds(3);
        private Duration pullTimeout = Duration.ofSeconds(5);
        private Duration pullConnectTimeout = Duration.ofSeconds(1);
        private Duration startTimeout = Duration.ofSeconds(5);
        private Clock clock = Clock.systemDefaultZone();

        private Builder() {
        }

        /** The OSP instance the application belongs to (required; DRM-25). */
        public Builder instanceId(String instanceId) {
            this.instanceId = DrmKeys.checkInstanceId(instanceId);
            return this;
        }

        /** The application's name, shown in the console and drmdata's logs. */
        public Builder appName(String appName) {
            this.appName = text(appName);
            return this;
        }

        /** The client's zone (unit), e.g. {@code GZ00B}; gray releases may target it. */
        public Builder zone(String zone) {
            this.zone = text(zone);
            return this;
        }

        /** The client's data center: servers and pull endpoints there are used first (DRM-6, DRM-30). */
        public Builder dataCenter(String dataCenter) {
            this.dataCenter = text(dataCenter);
            return this;
        }

        /** The address reported to drmdata; default: the local address of the connection. */
        public Builder clientIp(String clientIp) {
            this.clientIp = text(clientIp);
            return this;
        }

        /** drmdata nodes, {@code host:port} comma-separated (port default 9880), instead of ACVIP. */
        public Builder servers(String commaSeparated) {
            this.servers = Objects.requireNonNull(commaSeparated, "servers");
            return this;
        }

        /** ACVIP nodes ({@code ACVIP.endpoint}, DRM-25), comma-separated; drmdata is looked up there (DRM-5). */
        public Builder acvipEndpoints(String commaSeparated) {
            this.acvipEndpoints = Objects.requireNonNull(commaSeparated, "acvipEndpoints");
            return this;
        }

        /** OSP AccessKey: the registration is signed with it and {@link #secretKey} (DRM-12). */
        public Builder accessKey(String accessKey) {
            this.accessKey = text(accessKey);
            return this;
        }

        public Builder secretKey(String secretKey) {
            this.secretKey = secretKey == null ? "" : secretKey;
            return this;
        }

        /** Folder of the local cache file; default {@code ~/.weft/drm/{instanceId}}. */
        public Builder cacheDir(Path cacheDir) {
            this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
            return this;
        }

        /** Folder of drm-boot.log, drm-monitor.log and common-error.log; default {@code ~/logs/drm}. */
        public Builder logDir(Path logDir) {
            this.logDir = Objects.requireNonNull(logDir, "logDir");
            return this;
        }

        /**
         * Runs the application's callbacks (one at a time per resource). Default: a pool of daemon
         * threads {@code weft-drm-callback-N}, stopped by {@link DrmClient#close()}; an executor given
         * here is not shut down by the client.
         */
        public Builder callbackExecutor(Executor executor) {
            this.callbackExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** Heartbeat period instead of drmdata's (DRM-10: 30 s); for tests. */
        public Builder heartbeat(Duration period) {
            this.heartbeat = positive(period, "heartbeat");
            return this;
        }

        /** Limit of the long connection's TCP connect and of ACVIP calls; default 3 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * Limit of a pull's HTTP connect; default 1 s. Short on purpose: when a push makes many clients
         * connect at once, a node's accept queue drops some connection attempts, and the kernel would
         * retry those only after 1, 3, 7, 15 s; giving up after 1 s and retrying (another endpoint, or
         * the same after a short random delay) gets the value sooner.
         */
        public Builder pullConnectTimeout(Duration timeout) {
            this.pullConnectTimeout = positive(timeout, "pullConnectTimeout");
            return this;
        }

        /** Limit of one pull request; default 5 s. */
        public Builder pullTimeout(Duration timeout) {
            this.pullTimeout = positive(timeout, "pullTimeout");
            return this;
        }

        /** How long {@link DrmClient#start()} waits for drmdata at most; default 5 s. */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout, "startTimeout");
            return this;
        }

        /** Time of log lines and signatures; for tests. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @throws IllegalStateException something required is missing or contradictory, naming what */
        public DrmClient build() {
            if (instanceId == null) {
                throw new IllegalStateException("instanceId is required");
            }
            if ((servers == null) == (acvipEndpoints == null)) {
                throw new IllegalStateException("give either servers(...) or acvipEndpoints(...), exactly one");
            }
            if (accessKey.isEmpty() != secretKey.isEmpty()) {
                throw new IllegalStateException("accessKey and secretKey go together");
            }
            Path home = Path.of(System.getProperty("user.home"));
            if (cacheDir == null) {
                cacheDir = home.resolve(".weft").resolve("drm").resolve(instanceId);
            }
            if (logDir == null) {
                logDir = home.resolve("logs").resolve("drm");
            }
            return new DrmClient(this);
        }

        private static String text(String s) {
            return s == null ? "" : s.strip();
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, was " + d);
            }
            return d;
        }
    }
}
