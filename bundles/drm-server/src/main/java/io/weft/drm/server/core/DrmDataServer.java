package io.weft.drm.server.core;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import io.weft.api.osp.SignatureVerifier;
import io.weft.drm.server.cache.AttributeCache;
import io.weft.drm.server.cache.CatchUp;
import io.weft.drm.server.check.ServiceCheck;
import io.weft.drm.server.connection.Authorizer;
import io.weft.drm.server.connection.ClientServer;
import io.weft.drm.server.connection.ClientSession;
import io.weft.drm.server.connection.Registrar;
import io.weft.drm.server.connection.SessionRegistry;
import io.weft.drm.server.heartbeat.HeartbeatChecker;
import io.weft.drm.server.monitor.DrmCollector;
import io.weft.drm.server.monitor.DrmMetrics;
import io.weft.drm.server.monitor.MonitorTask;
import io.weft.drm.server.monitor.PoolStats;
import io.weft.drm.server.node.NodeDirectory;
import io.weft.drm.server.pull.PullService;
import io.weft.drm.server.pull.PullTokenAuthority;
import io.weft.drm.server.push.Pusher;
import io.weft.drm.server.store.DrmStore;
import io.weft.drm.server.store.NodeRow;
import io.weft.drm.server.sync.Publisher;
import io.weft.drm.server.sync.SyncClient;
import io.weft.drm.server.sync.SyncServer;

/**
 * A drmdata node without OSGi: the client port, the sync port, the cache with its catch-up, pushes,
 * heartbeats, the node's liveness row, the monitor logs and metrics. The DS component
 * ({@code DrmDataNode}) wraps one and registers its servlets and services; tests construct it directly,
 * several per JVM sharing one store.
 *
 * <p>Threads, all stopped by {@link #stop()}: {@code weft-drm-io-N} (Netty I/O of both ports),
 * {@code weft-drm-worker-N} (frames that read the store; each connection keeps one worker, so its
 * frames are handled in order), {@code weft-drm-timer-N} (catch-up, node heartbeat,
 * monitor), {@code weft-drm-relay-1} (relay to peers).
 *
 * <p>A port that cannot be bound does not stop the node: it reports the port down (health,
 * {@code /checkService}) and tries again at every node heartbeat.
 */
public final class DrmDataServer {

    private static final Logger LOG = LoggerFactory.getLogger(DrmDataServer.class);
    private static final String IO = "weft-drm-io";
    private static final String WORKER = "weft-drm-worker";
    private static final String TIMER = "weft-drm-timer";
    private static final String RELAY = "weft-drm-relay";

    private final DrmStore store;
    private final Clock clock;
    private volatile Settings settings;
    private volatile String nodeId;
    private volatile int clientPortBound;
    private volatile int syncPortBound;
    private volatile Runnable bindingListener = () -> { };

    private final EventLoopGroup io;
    private final EventExecutorGroup workers;
    private final ScheduledThreadPoolExecutor timer;
    private final SyncClient relayClient;

    private final DatabaseState database = new DatabaseState();
    private final DrmMetrics metrics = new DrmMetrics();
    private final SessionRegistry sessions = new SessionRegistry();
    private final AttributeCache cache;
    private final Pusher pusher;
    private final PullTokenAuthority tokens;
    private final NodeDirectory nodes;
    private final CatchUp catchUp;
    private final ClientServer clientServer;
    private final SyncServer syncServer;
    private final Publisher publisher;
    private final PullService pullService;
    private final ServiceCheck serviceCheck;
    private final DrmCollector collector;
    private final MonitorTask monitor;

    private ScheduledFuture<?> catchUpTask;
    private ScheduledFuture<?> nodeTask;
    private ScheduledFuture<?> monitorTask;
    private ScheduledFuture<?> minuteTask;
    private boolean stopped;

    public DrmDataServer(DrmStore store, Supplier<SignatureVerifier> verifier, Settings settings, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.nodeId = settings.advertisedHost() + ":" + settings.clientPort();
        this.io = new NioEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()), new NamedThreads(IO));
        this.workers = new DefaultEventExecutorGroup(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()),
                new NamedThreads(WORKER));
        this.timer = new ScheduledThreadPoolExecutor(2, new NamedThreads(TIMER));
        this.timer.setRemoveOnCancelPolicy(true);
        this.relayClient = new SyncClient(RELAY, settings.maxFrameBytes());

        Supplier<Settings> now = () -> this.settings;
        this.cache = new AttributeCache(store);
        this.pusher = new Pusher(sessions, metrics, () -> this.settings.ackTimeoutMillis());
        this.tokens = new PullTokenAuthority(store, clock, () -> this.settings.pullTokenSeconds());
        this.nodes = new NodeDirectory(store, clock, this::selfRow, () -> this.settings.nodeLiveSeconds(), database);
        this.catchUp = new CatchUp(store, cache, pusher::notifySubscribers, database);
        Registrar registrar = new Registrar(new Authorizer(verifier, now), store, cache, sessions, nodes, tokens,
                pusher, now, this::nodeId, database, clock);
        HeartbeatChecker heartbeats = new HeartbeatChecker(cache, metrics, clock, tokens::issue);
        this.clientServer = new ClientServer(io, workers, now, registrar, heartbeats, pusher);
        this.publisher = new Publisher(cache, pusher, sessions, nodes, relayClient, this::nodeId, database);
        this.syncServer = new SyncServer(io, workers, now, publisher);
        this.pullService = new PullService(cache, tokens, metrics, database, clock);
        this.serviceCheck = new ServiceCheck(database::ok, clientServer::isBound, syncServer::isBound);
        this.collector = new DrmCollector(this::sessions, nodes::clusterConnections, metrics);
        this.monitor = new MonitorTask(this::sessions, this::pools);
    }

    /** Called (on the binding thread) after a port was bound or closed: the DS component updates its ACVIP address. */
    public void onBindingChange(Runnable listener) {
        this.bindingListener = listener;
    }

    /** Binds both ports, writes the node row and starts the periodic tasks. */
    public synchronized void start() {
        catchUp.start();
        bindClient();
        bindSync();
        nodes.beat();
        schedule();
        Settings s = settings;
        LOG.info("drmdata node {} started: client port {}, sync port {}, pull {}, dataCenter '{}', zone '{}',"
                + " signatureRequired={}, unsignedFromLoopback={}", nodeId, clientPortBound, syncPortBound,
                s.pullBaseUrl(), s.dataCenter(), s.zone(), s.signatureRequired(), s.unsignedFromLoopback());
    }

    /** Applies changed settings: ports rebind, periods reschedule, the rest applies to what comes next. */
    public synchronized void reconfigure(Settings next) {
        Settings old = settings;
        settings = next;
        if (stopped) {
            return;
        }
        boolean bindChanged = !old.bindAddress().equals(next.bindAddress());
        if (bindChanged || old.clientPort() != next.clientPort() || !old.advertisedHost().equals(next.advertisedHost())) {
            String oldId = nodeId;
            bindClient();
            if (!oldId.equals(nodeId)) {
                nodes.remove(oldId);
            }
        }
        if (bindChanged || old.syncPort() != next.syncPort()) {
            bindSync();
        }
        if (old.catchUpMillis() != next.catchUpMillis() || old.nodeHeartbeatSeconds() != next.nodeHeartbeatSeconds()
                || old.monitorIntervalSeconds() != next.monitorIntervalSeconds()) {
            schedule();
        }
        nodes.beat();
        LOG.info("drmdata node {} reconfigured: client port {}, sync port {}, heartbeat {}s, ack timeout {} ms,"
                + " signatureRequired={}, unsignedFromLoopback={}", nodeId, clientPortBound, syncPortBound,
                next.heartbeatSeconds(), next.ackTimeoutMillis(), next.signatureRequired(), next.unsignedFromLoopback());
    }

    /** Closes both ports and every connection, stops every thread, removes the node row. */
    public void stop() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            cancelTasks();
        }
        clientServer.closeAll();
        syncServer.closeAll();
        timer.shutdownNow();
        relayClient.close();
        // Workers first: they finish what the closed connections left them (unregistrations) and may still
        // write to the I/O loops, which go last.
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
        io.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        nodes.remove(nodeId);
        LOG.info("drmdata node {} stopped", nodeId);
    }

    public String nodeId() {
        return nodeId;
    }

    public Settings settings() {
        return settings;
    }

    /** The client port bound, 0 while not bound. */
    public int clientPort() {
        return clientServer.isBound() ? clientPortBound : 0;
    }

    /** The sync port bound, 0 while not bound. */
    public int syncPort() {
        return syncServer.isBound() ? syncPortBound : 0;
    }

    public PullService pullService() {
        return pullService;
    }

    public ServiceCheck serviceCheck() {
        return serviceCheck;
    }

    public DrmCollector collector() {
        return collector;
    }

    public DrmMetrics metrics() {
        return metrics;
    }

    public DatabaseState database() {
        return database;
    }

    public Collection<ClientSession> sessions() {
        return sessions.all();
    }

    /** Runs the catch-up once now (tests; the timer runs it every {@code catchUpMillis}). */
    public void catchUpNow() {
        catchUp.run();
    }

    /** Writes the node row and reads the peers' now (tests; the timer does it every {@code nodeHeartbeatSeconds}). */
    public void nodeHeartbeatNow() {
        nodes.beat();
    }

    /** Writes the monitor lines now (tests; the timer does it every {@code monitorIntervalSeconds}). */
    public void monitorNow() {
        monitor.run();
    }

    /** The pools this node owns, for drmdata-threadpool.log. */
    public List<PoolStats> pools() {
        return List.of(PoolStats.of(IO, io), PoolStats.of(WORKER, workers), PoolStats.of(TIMER, timer),
                PoolStats.of(RELAY, relayClient.eventLoops()));
    }

    private NodeRow selfRow() {
        Settings s = settings;
        return new NodeRow(nodeId, s.advertisedHost(), clientPortBound, syncPortBound, s.pullBaseUrl(), s.dataCenter(),
                s.zone(), clock.millis(), sessions.size());
    }

    private void bindClient() {
        try {
            clientPortBound = clientServer.bind();
        } catch (IllegalStateException e) {
            clientPortBound = settings.clientPort();
            LOG.error("{}; retrying every {}s", e.getMessage(), settings.nodeHeartbeatSeconds());
        }
        nodeId = settings.advertisedHost() + ":" + clientPortBound;
        bindingListener.run();
    }

    private void bindSync() {
        try {
            syncPortBound = syncServer.bind();
        } catch (IllegalStateException e) {
            syncPortBound = settings.syncPort();
            LOG.error("{}; retrying every {}s", e.getMessage(), settings.nodeHeartbeatSeconds());
        }
    }

    /** The node heartbeat: binds a port that failed, then writes the row. */
    private void nodeBeat() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            if (!clientServer.isBound()) {
                bindClient();
            }
            if (!syncServer.isBound()) {
                bindSync();
            }
        }
        nodes.beat();
    }

    private void schedule() {
        cancelTasks();
        Settings s = settings;
        catchUpTask = timer.scheduleWithFixedDelay(guard("catch-up", catchUp), s.catchUpMillis(), s.catchUpMillis(),
                TimeUnit.MILLISECONDS);
        nodeTask = timer.scheduleWithFixedDelay(guard("node heartbeat", this::nodeBeat), s.nodeHeartbeatSeconds(),
                s.nodeHeartbeatSeconds(), TimeUnit.SECONDS);
        monitorTask = timer.scheduleAtFixedRate(guard("monitor", monitor), s.monitorIntervalSeconds(),
                s.monitorIntervalSeconds(), TimeUnit.SECONDS);
        if (minuteTask == null) {
            minuteTask = timer.scheduleAtFixedRate(guard("metrics minute", metrics::rollMinute), 60, 60,
                    TimeUnit.SECONDS);
        }
    }

    private void cancelTasks() {
        for (ScheduledFuture<?> f : new ScheduledFuture<?>[] {catchUpTask, nodeTask, monitorTask}) {
            if (f != null) {
                f.cancel(false);
            }
        }
        if (stopped && minuteTask != null) {
            minuteTask.cancel(false);
        }
    }

    /** A periodic task that throws is not run again by the executor: log and keep it scheduled. */
    private static Runnable guard(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("drmdata {} task failed", what, e);
            }
        };
    }
}
