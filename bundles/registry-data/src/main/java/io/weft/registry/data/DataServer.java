package io.weft.registry.data;

import io.weft.codec.bolt.BoltHessian;
import io.weft.codec.bolt.guard.LogThrottle;
import io.weft.codec.bolt.guard.PortGuard;
import io.weft.registry.data.transport.PortRefusals;
import io.weft.registry.data.transport.RefusalLog;
import io.weft.codec.hessian.SafeHessian;
import io.weft.registry.data.lease.LeaseEvictor;
import io.weft.registry.data.store.EmptyDatumSweep;
import io.weft.registry.data.lease.Renewals;
import io.weft.registry.data.lease.SessionLeases;
import io.weft.registry.data.meta.ClusterMembership;
import io.weft.registry.data.meta.MetaHeartbeat;
import io.weft.registry.data.monitor.DataCollector;
import io.weft.registry.data.monitor.DataCounts;
import io.weft.registry.data.notify.ChangeNotifier;
import io.weft.registry.data.notify.JoinedChannels;
import io.weft.registry.data.ops.DataServerView;
import io.weft.registry.data.ops.DataStatus;
import io.weft.registry.data.replication.ReplicaReceiver;
import io.weft.registry.data.replication.ReplicationAddresses;
import io.weft.registry.data.replication.ReplicationPort;
import io.weft.registry.data.replication.Replicator;
import io.weft.registry.data.replication.SlotSyncer;
import io.weft.registry.data.server.InProcessSessions;
import io.weft.registry.data.server.SessionHandlers;
import io.weft.registry.data.server.SessionConnections;
import io.weft.registry.data.server.SessionPort;
import io.weft.registry.data.server.SessionRequests;
import io.weft.registry.data.slot.LocalSlots;
import io.weft.registry.data.slot.SlotTable;
import io.weft.registry.data.slot.WorkGate;
import io.weft.registry.data.store.Datum;
import io.weft.registry.data.store.DatumStore;
import io.weft.registry.data.store.VersionClock;
import io.weft.registry.data.transport.BoltClient;
import io.weft.registry.protocol.NodeHeartbeat;
import io.weft.registry.protocol.Ping;
import io.weft.registry.protocol.ProtocolClasses;
import io.weft.registry.protocol.RegistryRoles;
import io.weft.registry.protocol.SlotTableView;
import io.weft.registry.protocol.ViewNoticeBeat;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One data server (REG-4, REG-29..REG-39, decision record 0021): the sessions' port (9620) with its store of
 * publishers and the leases, the change notices to sessions, replication to followers and slot sync on 9621, and the
 * heartbeat to the meta servers' 9611 that brings the slot table. Free of OSGi and HTTP, so plain tests run it;
 * {@link DataServerComponent} wraps it.
 *
 * <p>Threads, all named {@code weft-data-*}: request workers, a scheduler (heartbeat, lease check), an outbound
 * pool (notices, replication and their retries) and one slot sync thread.
 *
 * <p>Lifecycle: {@link #start()} once, {@link #close()} once. Close returns once both ports are free and every thread
 * of this server has ended; it leaves only Bolt's static executors behind (decision record 0015).
 */
public final class DataServer implements DataServerView, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("registry.data");
    private static final int WORKERS = 4;
    private static final int WORK_QUEUE = 10_000;
    private static final int OUTBOUND_THREADS = 2;
    private static final long REFUSAL_LOG_INTERVAL_MILLIS = 10_000;
    private static final long STOP_WAIT_SECONDS = 10;

    private final DataServerOptions options;
    private final DataCounts counts;
    private final Clock clock;
    private final ReplicationAddresses replicationAddresses;
    private final String processId = UUID.randomUUID().toString();
    private final DatumStore store;
    private final LocalSlots slots = new LocalSlots();
    private final WorkGate gate = new WorkGate();
    private final SessionLeases leases = new SessionLeases();
    private final ClusterMembership membership = new ClusterMembership();
    private final DataThreads threads = new DataThreads();

    private final BoltHessian hessian;
    private BoltHessian.Registration hessianRegistration;
    private ThreadPoolExecutor workers;
    private ScheduledThreadPoolExecutor scheduler;
    private ScheduledThreadPoolExecutor outbound;
    private ScheduledThreadPoolExecutor syncThread;
    private BoltClient client;
    private volatile SessionPort sessionPort;
    private volatile ReplicationPort replicationPort;
    private volatile ChangeNotifier notifier;
    private volatile Replicator replicator;
    private SlotSyncer syncer;
    private volatile MetaHeartbeat heartbeat;
    private final InProcessSessions inProcess;
    private InProcessSessions.Serving servingInProcess;
    private boolean started;
    private boolean closed;

    /**
     * Reaches the other data servers as far above their session port as this one's replication port is above its
     * own (9621 for 9620), or, when either port is picked by the system, on {@code options.replicationPort()}.
     */
    public DataServer(BoltHessian hessian, DataServerOptions options, DataCounts counts, Clock clock) {
        this(hessian, options, counts, clock, new InProcessSessions());
    }

    /** As {@link #DataServer(BoltHessian, DataServerOptions, DataCounts, Clock)}, serving {@code inProcess} too. */
    public DataServer(BoltHessian hessian, DataServerOptions options, DataCounts counts, Clock clock,
            InProcessSessions inProcess) {
        this(hessian, options, counts, clock, options.sessionPort() > 0 && options.replicationPort() > 0
                ? ReplicationAddresses.sameOffset(options.sessionPort(), options.replicationPort())
                : ReplicationAddresses.samePort(options.replicationPort()), inProcess);
    }

    /** Reaches the other data servers' replication at {@code replicationAddresses}; no in-process sessions. */
    public DataServer(BoltHessian hessian, DataServerOptions options, DataCounts counts, Clock clock,
            ReplicationAddresses replicationAddresses) {
        this(hessian, options, counts, clock, replicationAddresses, new InProcessSessions());
    }

    /**
     * @param hessian              the node's Bolt Hessian codec, where the protocol's classes are registered
     * @param counts               the event counters; the owner keeps them across restarts
     * @param replicationAddresses where the other data servers take replication, from their slot table address
     * @param inProcess            the node's in-process session port, served while this server runs
     */
    public DataServer(BoltHessian hessian, DataServerOptions options, DataCounts counts, Clock clock,
            ReplicationAddresses replicationAddresses, InProcessSessions inProcess) {
        this.hessian = hessian;
        this.options = options;
        this.counts = counts;
        this.clock = clock;
        this.replicationAddresses = replicationAddresses;
        this.inProcess = inProcess;
        this.store = new DatumStore(new VersionClock(clock::millis));
    }

    /** @throws IllegalStateException if a port cannot be bound; nothing is left running then */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        // The protocol's classes by registry-protocol's loader, whatever the reading thread's context loader is.
        hessianRegistration = hessian.register(
                new SafeHessian(ProtocolClasses.ALLOWED, options.maxPayloadBytes(), ProtocolClasses.classLoader()),
                new RefusalLog(counts::refusedBody, clock::millis, REFUSAL_LOG_INTERVAL_MILLIS));
        workers = new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(WORK_QUEUE), threads.factory("worker"));
        scheduler = scheduled(1, "scheduler");
        outbound = scheduled(OUTBOUND_THREADS, "outbound");
        syncThread = scheduled(1, "sync");
        // Every thread made now, by the thread starting this server, and none later: a thread takes its creator's
        // context class loader and access control context (the protection domains of the code on its stack), so
        // a worker made on demand for a session of this node calling in-process (decision record 0025) would keep
        // that session bundle's classes loaded for as long as it lives, past an upgrade of the session.
        for (ThreadPoolExecutor executor : List.of(workers, scheduler, outbound, syncThread)) {
            executor.prestartAllCoreThreads();
        }
        try {
            client = new BoltClient(options.requestTimeoutMillis());
            LeaseEvictor evictor = new LeaseEvictor(leases, store, slots, this::ledChange, counts, clock,
                    options.leaseMillis());
            Renewals renewals = new Renewals(leases, evictor, store, slots, clock);
            LogThrottle refusalLog = new LogThrottle(LOG, REFUSAL_LOG_INTERVAL_MILLIS, clock::millis);
            List<SessionHandlers.Handler<?>> sessionHandlers =
                    SessionHandlers.of(new SessionRequests(store, slots, gate, renewals, this::ledChange));
            sessionPort = new SessionPort(options.bindAddress(), options.sessionPort(),
                    guard(DataCollector.SESSION_PORT, refusalLog), sessionHandlers, workers);
            replicationPort = new ReplicationPort(options.bindAddress(), options.replicationPort(),
                    guard(DataCollector.REPLICATION_PORT, refusalLog), new ReplicaReceiver(slots, store), workers);
            // The sessions connected over Bolt and those of this node attached in-process get the same notices.
            notifier = new ChangeNotifier(new JoinedChannels(sessionPort.connections(), inProcess), outbound,
                    options.notifyRetries(), options.notifyRetryMillis(), counts);
            replicator = new Replicator(slots, client, replicationAddresses, outbound, options.notifyRetries(),
                    options.notifyRetryMillis(), counts,
                    new LogThrottle(LOG, REFUSAL_LOG_INTERVAL_MILLIS, clock::millis), clock::millis);
            syncer = new SlotSyncer(slots, store, client, replicationAddresses, gate, this::ledChange, syncThread,
                    options.leaseMillis());
            sessionPort.start();
            replicationPort.start();
            slots.locatedAt(hostPort(options.advertisedHost(), sessionPort.port()));
            servingInProcess = inProcess.serve(slots.self(), sessionHandlers, workers);
            heartbeat = new MetaHeartbeat(options.metaServers(), client, membership, this::heartbeat, this::ping,
                    this::slotTable);
            scheduler.scheduleWithFixedDelay(guarded("heartbeat", heartbeat::beat), 0, options.heartbeatMillis(),
                    TimeUnit.MILLISECONDS);
            // At the meta leader's notice that the view changed (a new slot table, the servers listed): a heartbeat
            // at once, whose answer brings the change, rather than at the next period (up to heartbeatMillis).
            client.onViewChanged(new ViewNoticeBeat(scheduler, guarded("heartbeat", heartbeat::beat))::noticed);
            scheduler.scheduleWithFixedDelay(guarded("lease check", evictor::check), options.leaseCheckMillis(),
                    options.leaseCheckMillis(), TimeUnit.MILLISECONDS);
            EmptyDatumSweep sweep = new EmptyDatumSweep(store, clock, options.emptyDatumRetentionMillis());
            scheduler.scheduleWithFixedDelay(guarded("empty datum sweep", sweep), sweep.periodMillis(),
                    sweep.periodMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("[data] data server {} started (process {}): sessions on {}:{}, replication on {}:{}, metas {}",
                slots.self(), processId, options.bindAddress(), sessionPort.port(), options.bindAddress(),
                replicationPort.port(), options.metaServers());
    }

    /** A change made here as slot leader: tell the sessions and the followers. */
    private void ledChange(Datum datum) {
        ChangeNotifier n = notifier;
        if (n != null) {
            n.changed(datum);
        }
        Replicator r = replicator;
        if (r != null) {
            r.changed(datum);
        }
    }

    private NodeHeartbeat heartbeat() {
        NodeHeartbeat beat = new NodeHeartbeat();
        beat.setRole(RegistryRoles.DATA);
        beat.setAddress(slots.self());
        beat.setDataCenter(options.dataCenter());
        beat.setZone(options.zone());
        beat.setProcessId(processId);
        beat.setSlotTableEpoch(slots.epoch());
        beat.setViewNotices(true);
        return beat;
    }

    private Ping ping() {
        Ping ping = new Ping();
        ping.setRole(RegistryRoles.DATA);
        ping.setAddress(slots.self());
        return ping;
    }

    private void slotTable(SlotTableView view) {
        slots.offer(view).ifPresent(syncer::tableChanged);
    }

    /** This server's address in the slot table, {@code host:sessionPort}; null before start. */
    public String address() {
        return slots.self();
    }

    public int sessionPort() {
        return sessionPort.port();
    }

    public int replicationPort() {
        return replicationPort.port();
    }

    /** The sessions' connections to the session port, as the change notices go to them; null before the start. */
    SessionConnections sessionConnections() {
        SessionPort port = sessionPort;
        return port == null ? null : port.connections();
    }

    public DatumStore store() {
        return store;
    }

    public LocalSlots slots() {
        return slots;
    }

    public ClusterMembership membership() {
        return membership;
    }

    public boolean working() {
        return gate.working();
    }

    public DataServerOptions options() {
        return options;
    }

    @Override
    public DataCounts counts() {
        return counts;
    }

    @Override
    public DataStatus status() {
        SessionPort sessions = sessionPort;
        ReplicationPort replication = replicationPort;
        MetaHeartbeat meta = heartbeat;
        if (sessions == null) {
            return DataStatus.stopped();
        }
        String self = slots.self();
        SlotTable table = slots.table().orElse(null);
        LocalSlots.Led led = slots.led();
        return new DataStatus(true, self, sessions.listening(), replication != null && replication.listening(),
                meta != null && meta.registered(), gate.working(), slots.epoch(),
                table == null ? 0 : table.leaderCount(self), table == null ? 0 : table.followerCount(self),
                store.datumCount(), store.publisherCount(), store.publisherCount(led.slotCount(), led.slots()),
                sessions.connections().size() + inProcess.size(), leases.size(),
                membership.snapshot().dataNodes().size());
    }

    @Override
    public synchronized void close() {
        if (!started || closed) {
            return;
        }
        // Once: a second close (an owner's and a test's, say) finds nothing left to stop.
        closed = true;
        inProcess.stopServing(servingInProcess);
        shutdown(scheduler);
        // Both ports at once: each waits for Bolt's boss thread to end (about 2 s of quiet period).
        Thread replicationStop = threads.newThread(() -> closeQuietly(replicationPort), "stop");
        replicationStop.start();
        closeQuietly(sessionPort);
        join(replicationStop);
        shutdown(syncThread);
        shutdown(outbound);
        if (client != null) {
            client.close();
        }
        shutdown(workers);
        awaitStopped();
        hessianRegistration.close();
        LOG.info("[data] data server {} stopped", slots.self());
    }

    /** The guard of one port: limits of its own (the connection count is the port's), refusals counted by name. */
    private PortGuard guard(String port, LogThrottle refusalLog) {
        return PortGuard.of(options.portLimits(), clock::millis, new PortRefusals(port, counts, refusalLog));
    }

    private ScheduledThreadPoolExecutor scheduled(int count, String job) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(count, threads.factory(job));
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    /** A periodic task that logs its failure instead of being silently cancelled by the executor. */
    private static Runnable guarded(String name, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("[data] {} failed: {}", name, e.toString(), e);
            }
        };
    }

    private static String hostPort(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("[data] stopping: {}", e.toString());
        }
    }

    private static void shutdown(ExecutorService executor) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitStopped() {
        try {
            List<String> alive = threads.joinAll(STOP_WAIT_SECONDS * 1000);
            if (!alive.isEmpty()) {
                LOG.warn("[data] threads still busy {} s after the stop: {}", STOP_WAIT_SECONDS, alive);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
