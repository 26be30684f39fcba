package io.weft.registry.session.cluster;

import io.weft.codec.bolt.BoltHessian;
import io.weft.codec.bolt.guard.LogThrottle;
import io.weft.registry.protocol.ClusterView;
import io.weft.registry.protocol.DatumChanged;
import io.weft.registry.protocol.NodeHeartbeat;
import io.weft.registry.protocol.Ping;
import io.weft.registry.protocol.RegistryRoles;
import io.weft.registry.protocol.SlotTableView;
import io.weft.registry.protocol.ViewNoticeBeat;
import io.weft.registry.protocol.inprocess.InProcessDataPort;
import io.weft.registry.session.ClusterOptions;
import io.weft.registry.session.data.DataInfoId;
import io.weft.registry.session.data.PersistentData;
import io.weft.registry.session.data.SessionData;
import io.weft.registry.session.meta.ClusterNodes;
import io.weft.registry.session.meta.MetaClient;
import io.weft.registry.session.meta.MetaPersistentData;
import io.weft.registry.session.meta.PushSwitchFollower;
import io.weft.registry.session.ops.ClusterStatus;
import io.weft.registry.session.push.PushSwitch;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session process in a registry cluster (decision record 0021): the heartbeat to the meta servers and what
 * their views drive (slot table, push switch, persistent data, the cluster's servers), and the
 * {@link ClusterSessionData} the session server runs on (publications to the slot leaders, client-offs, datum
 * reads, lease renewals and version checks every {@code renewMillis}). A new process id at every start, so the
 * meta and data servers tell a restart from a renewal.
 *
 * <p>Threads, all daemons: {@code weft-session-meta} (heartbeats), {@code weft-session-renewal} (lease renewals and
 * the version checks they start, asynchronous calls), {@code weft-session-data-sync} (publications and client-offs,
 * asynchronous calls), {@code weft-session-data-read} (sends datum reads and version checks, asynchronous calls).
 * No thread waits for a data server's answer, and the renewals have a thread of their own: a hung data server
 * (its port takes requests, nothing is answered) holds up only its own datums, never the pushes of the others'
 * nor the renewals that keep this session's lease on them.
 *
 * <p>Lifecycle: construct, hand {@link #data()} and {@link #persistentData()} to the session server,
 * {@link #start} once its port is bound, {@link #close} once. Close ends this cluster link's threads and
 * connections; Bolt's static executors stay (decision record 0015).
 */
public final class SessionCluster implements AutoCloseable {

    /**
     * The largest reply or notice read from the cluster: a datum with many publishers is one reply, and the data
     * servers are the node's own, so this is a bound against a broken peer rather than a tight limit.
     */
    static final int MAX_REPLY_BYTES = 16 * 1024 * 1024;
    private static final long ERROR_LOG_INTERVAL_MILLIS = 10_000;
    private static final long STOP_WAIT_SECONDS = 5;

    private static final Logger LOG = LoggerFactory.getLogger("registry.session");

    private final ClusterOptions options;
    private final String dataCenter;
    private final String zone;
    private final Supplier<Collection<DataInfoId>> subscribed;
    private final String processId = UUID.randomUUID().toString();
    private final LogThrottle errors;

    /** Publications waiting this long with nothing sent or answered are reported ({@link SyncStallWatch}). */
    private static final long SYNC_STALL_MILLIS = 10_000;
    private static final long SYNC_CHECK_MILLIS = 1_000;

    private final ScheduledThreadPoolExecutor metaThread;
    /** Made with the meta client; no notice comes before the first heartbeat, which opens the connection. */
    private final ViewNoticeBeat viewBeat;
    private final ScheduledThreadPoolExecutor renewalThread;
    private final ScheduledThreadPoolExecutor syncThread;
    private final ScheduledThreadPoolExecutor reads;
    private final SyncStallWatch stallWatch;
    private final ClusterRpc rpc;
    private final DataCalls dataCalls;

    private final ClusterNodes nodes = new ClusterNodes();
    private final DataReachability reachability = new DataReachability();
    private final ClusterCounts counts = new ClusterCounts();
    private final HeldPublications held = new HeldPublications();
    private final MetaPersistentData persistent = new MetaPersistentData();
    private final PushSwitchFollower pushFollower;
    private final PublicationSync sync;
    private final DatumRefresh refresh;
    private final LeaseRenewer renewer;
    private final ClusterSessionData data;
    private final MetaClient meta;

    private volatile SlotRouting routing;
    private volatile Supplier<String> address = () -> null;
    private boolean started;

    /**
     * @param dataCenter this session's data center, in its heartbeat
     * @param zone       this session's zone, in its heartbeat and for publishers that name none
     * @param pushSwitch the session's push switch, which follows the meta's
     * @param subscribed the datums this session's subscribers want now
     */
    public SessionCluster(BoltHessian hessian, ClusterOptions options, String dataCenter, String zone,
            PushSwitch pushSwitch, Supplier<Collection<DataInfoId>> subscribed, Clock clock) {
        if (!options.clustered()) {
            throw new IllegalArgumentException("no meta server configured");
        }
        this.options = options;
        this.dataCenter = dataCenter;
        this.zone = zone;
        this.subscribed = subscribed;
        this.errors = new LogThrottle(LOG, ERROR_LOG_INTERVAL_MILLIS, clock::millis);
        this.pushFollower = new PushSwitchFollower(pushSwitch);
        metaThread = scheduled(1, "weft-session-meta");
        renewalThread = scheduled(1, "weft-session-renewal");
        syncThread = scheduled(1, "weft-session-data-sync");
        reads = scheduled(1, "weft-session-data-read");
        rpc = new ClusterRpc(hessian, MAX_REPLY_BYTES,
                (className, reason) -> errors.error("refused:" + className,
                        "[cluster] refused a reply or notice announced as {}: {}", className, reason),
                this::noticed, this::viewNoticed);
        int timeout = options.dataRequestTimeoutMillis();
        dataCalls = new DataCalls(rpc, renewalThread, "session process " + processId, this::noticed);
        sync = new PublicationSync(held, this::routing, dataCalls, timeout, syncThread, counts, reachability,
                this::sessionAddress, processId, errors);
        stallWatch = new SyncStallWatch(syncThread, sync::pending, sync::lastProgressNanos, sync::logWhatWaits,
                System::nanoTime, SYNC_STALL_MILLIS);
        ClientOffNotifier clientOff = new ClientOffNotifier(this::dataServers, dataCalls, timeout, syncThread, counts,
                reachability, processId, sync::changedAll, errors);
        DatumCache cache = new DatumCache();
        DatumReader reader = new DatumReader(dataCalls, this::routing, timeout, zone, reachability);
        DatumListeners listeners = new DatumListeners();
        refresh = new DatumRefresh(cache, reader, this::routing, reads, listeners, counts);
        renewer = new LeaseRenewer(this::dataServers, this::routing, held, dataCalls, timeout, counts, reachability,
                this::sessionAddress, processId, errors, sync::republishLedBy);
        data = new ClusterSessionData(held, sync, clientOff, cache, refresh, listeners, clock);
        meta = new MetaClient(options.metaServers(), rpc, timeout, this::heartbeat, this::ping, this::viewed, errors);
        viewBeat = new ViewNoticeBeat(metaThread, guarded("heartbeat", meta::beat));
    }

    /** What the session server runs on. */
    public SessionData data() {
        return data;
    }

    /** The operators' persistent data, as the meta servers send it. */
    public PersistentData persistentData() {
        return persistent;
    }

    /**
     * Starts the heartbeat and the renewals.
     *
     * @param sessionAddress this session's client endpoint, {@code host:port}, as clients and the cluster reach it
     */
    public synchronized void start(Supplier<String> sessionAddress) {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        address = sessionAddress;
        metaThread.scheduleWithFixedDelay(guarded("heartbeat", meta::beat), 0, options.heartbeatMillis(),
                TimeUnit.MILLISECONDS);
        renewalThread.scheduleWithFixedDelay(guarded("renewal", this::renewal), options.renewMillis(),
                options.renewMillis(), TimeUnit.MILLISECONDS);
        metaThread.scheduleWithFixedDelay(guarded("data-sync watch", stallWatch::check), SYNC_CHECK_MILLIS,
                SYNC_CHECK_MILLIS, TimeUnit.MILLISECONDS);
        LOG.info("[cluster] session {} (process {}) joins the cluster of metas {}", sessionAddress.get(), processId,
                options.metaServers());
    }

    /**
     * Calls the data server behind {@code port} in-process, and takes its change notices so, from now on (decision
     * record 0025): the node's own data server, when it runs in this JVM. Null: every data server over Bolt.
     */
    public void useLocalData(InProcessDataPort port) {
        dataCalls.use(port);
    }

    /** The session servers of the cluster, as the meta leader last named them. */
    public Set<String> sessionNodes() {
        return nodes.snapshot().sessionNodes();
    }

    public ClusterStatus status() {
        SlotRouting table = routing;
        Map<String, Long> failures = new LinkedHashMap<>();
        counts.snapshot().forEach((failure, count) -> failures.put(failure.seedName(), count));
        return new ClusterStatus(true, processId, meta.reachable(), meta.leader(), table == null ? 0 : table.epoch(),
                reachability.snapshot(), sync.pending(), failures);
    }

    /** Every data server: those the meta lists and those the slot table names. */
    Collection<String> dataServers() {
        Set<String> servers = new TreeSet<>(nodes.snapshot().dataNodes());
        SlotRouting table = routing;
        if (table != null) {
            servers.addAll(table.servers());
        }
        return servers;
    }

    private SlotRouting routing() {
        return routing;
    }

    private String sessionAddress() {
        return address.get();
    }

    private NodeHeartbeat heartbeat() {
        SlotRouting table = routing;
        NodeHeartbeat beat = new NodeHeartbeat();
        beat.setRole(RegistryRoles.SESSION);
        beat.setAddress(sessionAddress());
        beat.setDataCenter(dataCenter);
        beat.setZone(zone);
        beat.setProcessId(processId);
        beat.setSlotTableEpoch(table == null ? 0 : table.epoch());
        beat.setViewNotices(true);
        return beat;
    }

    private Ping ping() {
        Ping ping = new Ping();
        ping.setRole(RegistryRoles.SESSION);
        ping.setAddress(sessionAddress());
        return ping;
    }

    /**
     * The meta leader's notice that the view changed (an operator's persistent data, the push switch, the slot table,
     * the servers), on Bolt's thread: a heartbeat at once, whose answer is the new view, rather than at the next
     * period (up to {@code heartbeatMillis}).
     */
    private void viewNoticed() {
        viewBeat.noticed();
    }

    /** A view of the meta leader, on the heartbeat thread. */
    private void viewed(ClusterView view) {
        boolean dataServersChanged = nodes.apply(view);
        boolean tableChanged = view.getSlotTable() != null && offer(view.getSlotTable());
        pushFollower.follow(view.isPushOpen());
        persistent.apply(view.getPersistentData());
        if (dataServersChanged || tableChanged) {
            reachability.retain(dataServers());
            // A renewal at once opens the connections on which the new data servers send their change notices.
            onRenewalThread(renewer::renew);
        }
    }

    /** @return whether {@code view} replaced the table in force */
    private boolean offer(SlotTableView view) {
        SlotRouting next;
        try {
            next = SlotRouting.of(view);
        } catch (IllegalArgumentException e) {
            LOG.error("[cluster] slot table refused: {}", e.getMessage());
            return false;
        }
        SlotRouting previous = routing;
        if (previous != null && next.epoch() <= previous.epoch()) {
            return false;
        }
        routing = next;
        LOG.info("[cluster] slot table epoch {} in force: {} slots on data servers {}", next.epoch(), next.slotCount(),
                next.servers());
        sync.tableChanged(previous, next);
        // Datums that could not be read before (no table, old leader) are read from the new leaders.
        onRenewalThread(() -> refresh.checkVersions(subscribed));
        return true;
    }

    private void noticed(DatumChanged notice) {
        refresh.noticed(notice.getDataInfoId(), notice.getVersion());
    }

    /** One renewal round: leases, publications that gave up, versions of the subscribed datums. */
    private void renewal() {
        renewer.renew();
        sync.retryParked();
        refresh.checkVersions(subscribed);
    }

    private void onRenewalThread(Runnable work) {
        try {
            renewalThread.execute(guarded("cluster work", work));
        } catch (RejectedExecutionException stopped) {
            // Closing.
        }
    }

    @Override
    public synchronized void close() {
        List<ExecutorService> executors = List.of(metaThread, renewalThread, syncThread, reads);
        dataCalls.close();
        executors.forEach(ExecutorService::shutdownNow);
        try {
            for (ExecutorService executor : executors) {
                if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("[cluster] a cluster thread did not stop within {} s", STOP_WAIT_SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        rpc.close();
        if (started) {
            LOG.info("[cluster] session process {} left the cluster", processId);
        }
    }

    /** A periodic task that logs its failure instead of being silently cancelled by the executor. */
    private static Runnable guarded(String name, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("[cluster] {} failed: {}", name, e.toString(), e);
            }
        };
    }

    private static ScheduledThreadPoolExecutor scheduled(int threads, String name) {
        AtomicInteger count = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(threads, runnable -> {
            Thread thread = new Thread(runnable, threads == 1 ? name : name + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        // Made now, by the thread starting this session, not by the first caller: the in-process data server's
        // threads call in here (decision record 0025), and a thread keeps its creator's context class loader and
        // access control context, so a thread made on one of them would keep that data bundle's classes loaded past
        // an upgrade of the data server.
        executor.prestartAllCoreThreads();
        return executor;
    }
}
