package io.weft.registry.meta.raft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.codec.bolt.BoltEventExecutor;
import io.weft.codec.bolt.BoltServerStop;
import io.weft.codec.bolt.guard.LogThrottle;
import io.weft.codec.bolt.guard.PortGuard;
import io.weft.codec.bolt.guard.RefusalListener;
import com.alipay.remoting.config.BoltServerOption;
import com.alipay.sofa.jraft.Node;
import com.alipay.sofa.jraft.NodeManager;
import com.alipay.sofa.jraft.RaftServiceFactory;
import com.alipay.sofa.jraft.Status;
import com.alipay.sofa.jraft.closure.ReadIndexClosure;
import com.alipay.sofa.jraft.conf.Configuration;
import com.alipay.sofa.jraft.core.NodeImpl;
import com.alipay.sofa.jraft.core.State;
import com.alipay.sofa.jraft.entity.PeerId;
import com.alipay.sofa.jraft.entity.Task;
import com.alipay.sofa.jraft.option.NodeOptions;
import com.alipay.sofa.jraft.rpc.RaftRpcServerFactory;
import com.alipay.sofa.jraft.rpc.RpcClient;
import com.alipay.sofa.jraft.rpc.RpcServer;
import com.alipay.sofa.jraft.rpc.impl.AbstractClientService;
import com.alipay.sofa.jraft.rpc.impl.BoltRpcClient;
import com.alipay.sofa.jraft.rpc.impl.BoltRpcServer;
import com.alipay.sofa.jraft.util.Endpoint;

import io.weft.registry.meta.command.MetaCommand;
import io.weft.registry.meta.command.MetaJson;
import io.weft.codec.bolt.guard.PortRefusalLog;
import io.weft.registry.meta.lease.NodeEvictor;
import io.weft.registry.meta.state.CommandResult;
import io.weft.registry.meta.state.MetaModel;
import io.weft.registry.meta.state.MetaState;
import io.weft.registry.meta.state.SlotAssigner;

/**
 * One member of the meta servers' Raft group (REG-5, REG-40): its Bolt raft port, its JRaft node, its
 * state machine and the leader's eviction timer. {@link #start()} once, {@link #close()} once; the other
 * methods are thread-safe and never block on the group: they return futures completed by JRaft's threads.
 */
public final class MetaRaftNode implements AutoCloseable {

    /** Names the leader's eviction timer thread, followed by the raft port. */
    public static final String EVICTOR_THREAD_PREFIX = "weft-meta-evictor-";

    private static final Logger LOG = LoggerFactory.getLogger("registry.raft");
    /** A timer round is a few map reads and proposals; it ends long before this. */
    private static final long TERMINATION_WAIT_SECONDS = 10;
    private static final long REFUSAL_LOG_INTERVAL_MILLIS = 10_000;
    /** The raft port's name in refusal lines, as the node's {@code GuardedPort.RAFT} names it. */
    private static final String GUARDED_PORT_NAME = "RAFT";
    /** How long {@link #readCommitted()} waits for the leader to confirm its commit index. */
    static final long READ_INDEX_TIMEOUT_MILLIS = 3_000;
    private static final byte[] NO_READ_CONTEXT = new byte[0];

    private final MetaRaftOptions options;
    private final PeerId self;
    private final MetaModel model;
    private final MetaJson json = new MetaJson();
    private final MetaStateMachine fsm;
    private final NodeEvictor evictor;
    private final ForwardedCommands forwarded = new ForwardedCommands(json);
    private final LeaderForwarder forwarder;

    // Guarded by this: set by start(), cleared by close().
    private DataDirectoryLock lock;
    private RpcServer rpcServer;
    private PortGuard portGuard;
    private Node started;
    private ScheduledExecutorService evictTimer;
    // Published once start() has the node; read by every thread.
    private volatile Node node;

    public MetaRaftNode(MetaRaftOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        Objects.requireNonNull(options.dataDir(), "options.dataDir");
        this.self = new PeerId(new Endpoint(options.host(), options.port()), 0);
        this.model = new MetaModel(new SlotAssigner(options.slotCount(), options.slotReplicas()));
        this.fsm = new MetaStateMachine(model, json, self.toString(), options.clock());
        this.evictor = new NodeEvictor(model::state, this::mayEvict, this::apply, options.clock(),
                options.nodeTimeoutMillis());
        this.forwarder = new LeaderForwarder(forwarded, self(), LeaderForwarder.TIMEOUT_MILLIS);
    }

    /**
     * Binds the raft port, recovers from the data directory (snapshot, then log) and joins the group. On
     * failure nothing stays bound, open or running, and this member answers as {@link RaftRole#INACTIVE}.
     *
     * @throws IllegalStateException when the raft port cannot listen or JRaft refuses to start (data
     *                               directory unusable or locked by another process)
     */
    public synchronized void start() {
        if (started != null) {
            throw new IllegalStateException("already started: " + self);
        }
        Path dir = options.dataDir();
        NodeOptions nodeOptions = new NodeOptions();
        nodeOptions.setInitialConf(configuration(options.initialPeers().isEmpty()
                ? List.of(self.toString()) : options.initialPeers()));
        nodeOptions.setFsm(fsm);
        nodeOptions.setElectionTimeoutMs(options.electionTimeoutMs());
        nodeOptions.setSnapshotIntervalSecs(options.snapshotIntervalSecs());
        // RocksDB creates only the last element of its path (TOOLCHAIN pitfall 3).
        nodeOptions.setLogUri(directory(dir.resolve("log")));
        nodeOptions.setRaftMetaUri(directory(dir.resolve("meta")));
        nodeOptions.setSnapshotUri(directory(dir.resolve("snapshot")));

        // The directory, then the port, then JRaft: whatever is taken fails before JRaft opens anything.
        // JRaft's RaftGroupService binds the port last and, when that fails, leaves the node it created
        // running; so this class does its few steps itself.
        DataDirectoryLock dirLock = DataDirectoryLock.acquire(dir);
        RpcServer server;
        PortGuard guard = portGuard();
        try {
            server = listen(guard);
        } catch (RuntimeException e) {
            dirLock.close();
            throw e;
        }
        NodeManager.getInstance().addAddress(self.getEndpoint());
        Node raftNode = RaftServiceFactory.createRaftNode(options.groupId(), self);
        boolean initialised;
        try {
            initialised = raftNode.init(nodeOptions);
        } catch (RuntimeException e) {
            LOG.error("JRaft node {} failed to initialise in {}", self, dir, e);
            initialised = false;
        }
        if (!initialised) {
            abandon(server, raftNode);
            dirLock.close();
            throw new IllegalStateException("JRaft did not start " + self + " in " + dir
                    + " (is its raft data readable? see registry-raft.log)");
        }
        Configuration startingConf = startingConf(raftNode, nodeOptions);
        warnIfNotAMember(startingConf, dir);
        lock = dirLock;
        rpcServer = server;
        portGuard = guard;
        started = raftNode;
        node = raftNode;
        if (options.evictIntervalMillis() > 0) {
            evictTimer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, EVICTOR_THREAD_PREFIX + options.port());
                t.setDaemon(true);
                return t;
            });
            evictTimer.scheduleWithFixedDelay(this::evictQuietly, options.evictIntervalMillis(),
                    options.evictIntervalMillis(), TimeUnit.MILLISECONDS);
        }
        LOG.info("meta raft member {} started in group {} with peers {}, raft port on {}:{}, data in {}", self,
                options.groupId(), startingConf, options.bindAddress(), options.port(), dir);
    }

    /**
     * A member missing from the configuration it starts with (the one recovered from its data directory, or the
     * configured peers when that is empty) neither votes nor stands for election, so with no other member to lead it
     * never gets a leader, and JRaft's own lines do not say why. The usual cause is a raft port or address changed
     * while the data directory was kept. Said once, at start, at ERROR (common-error.log), with what to do.
     */
    private void warnIfNotAMember(Configuration conf, Path dir) {
        if (conf.isEmpty() || conf.contains(self)) {
            return;
        }
        LOG.error("meta raft member {} is not in the group configuration it started with, {} (read from {}): it will not"
                + " vote or be elected, and no leader will come from it. If its raft address or port changed, add it"
                + " with manage/changePeer on the leader, or start it with an empty dataDir", self, conf.listPeers(), dir);
    }

    /** The group a member starts in: the one recovered from its data directory, else the configured peers. */
    private static Configuration startingConf(Node raftNode, NodeOptions nodeOptions) {
        Configuration conf = raftNode instanceof NodeImpl ? ((NodeImpl) raftNode).getCurrentConf() : null;
        return conf == null || conf.isEmpty() ? nodeOptions.getInitialConf() : conf;
    }

    /**
     * The raft port's guard (ARCHITECTURE §5): a frame announced above the limit or with a header Bolt cannot read
     * closes its connection before Bolt buffers it, and a reconnect flood or connections past the limit are closed
     * at once. Its connection rate is counted on the wall clock, not on {@link MetaRaftOptions#clock()}.
     */
    private PortGuard portGuard() {
        RefusalListener listener = options.refusals();
        if (listener == null) {
            listener = new PortRefusalLog(GUARDED_PORT_NAME, "[raft]", new LogThrottle(LOG, REFUSAL_LOG_INTERVAL_MILLIS,
                    System::currentTimeMillis));
        }
        return PortGuard.of(options.portLimits(), System::currentTimeMillis, listener);
    }

    /** A listening raft port behind {@code guard}, with JRaft's request processors. */
    private RpcServer listen(PortGuard guard) {
        // Bound to the configured address only, not every interface as JRaft's factory would.
        com.alipay.remoting.rpc.RpcServer bolt =
                new com.alipay.remoting.rpc.RpcServer(options.bindAddress(), options.port(), true);
        // Read by Bolt's startup, which BoltRpcServer.init runs: in front of Bolt's decoder on every channel.
        bolt.option(BoltServerOption.EXTENDED_NETTY_CHANNEL_HANDLER, guard);
        RpcServer server = new BoltRpcServer(bolt);
        RaftRpcServerFactory.addRaftRequestProcessors(server);
        // Operators' commands a follower forwards to this member while it leads (a JSON string, no class of ours).
        bolt.registerUserProcessor(new ForwardProcessor(this, forwarded));
        try {
            server.init(null);
        } catch (RuntimeException e) {
            // Bolt has already released what it took.
            throw new IllegalStateException("the raft port " + options.bindAddress() + ":" + options.port()
                    + " cannot listen: " + rootCause(e), e);
        }
        return server;
    }

    /**
     * Proposes a command. Completes with the command's result once it is committed and applied on this
     * member; fails with {@link NotLeaderException} on a follower, or {@link MetaRaftException} when the
     * group cannot commit it.
     */
    public CompletableFuture<CommandResult> apply(MetaCommand command) {
        Objects.requireNonNull(command, "command");
        Node current = node;
        long term = fsm.leaderTerm();
        if (current == null || !current.isLeader()) {
            return CompletableFuture.failedFuture(new NotLeaderException(leader().orElse(null)));
        }
        if (term < 0) {
            return CompletableFuture.failedFuture(new MetaRaftException(
                    "leader " + self() + " is still applying earlier entries, retry"));
        }
        CommandClosure closure = new CommandClosure(command, () -> leader().orElse(null));
        Task task = new Task(ByteBuffer.wrap(json.writeCommand(command)), closure, term);
        current.apply(task);
        return closure.future();
    }

    /**
     * Proposes an operator's command ({@code SetPushSwitch}, {@code PutPersistentData}, {@code RemovePersistentData})
     * on the leader, from any member: on the leader as {@link #apply} does, on a follower forwarded once to the
     * leader's raft port (REG-62: the switch is operated on any one MetaServer). Completes with the result and the
     * leader that applied it; fails with {@link MetaRaftException} saying why when no leader is known, the leader
     * cannot be reached or does not answer within {@link LeaderForwarder#TIMEOUT_MILLIS}, or leadership moved
     * meanwhile. Never waits on the calling thread longer than Bolt's connect timeout (1 s).
     */
    public CompletableFuture<AppliedCommand> submit(MetaCommand command) {
        Objects.requireNonNull(command, "command");
        Node current = node;
        if (current == null) {
            return CompletableFuture.failedFuture(new MetaRaftException("the raft member " + self()
                    + " is not running"));
        }
        if (current.isLeader()) {
            return apply(command).thenApply(result -> new AppliedCommand(result, self()));
        }
        Optional<String> leader = leader();
        if (leader.isEmpty()) {
            return CompletableFuture.failedFuture(new MetaRaftException("no leader is known (an election is in"
                    + " progress, or no majority of the meta servers is up): nothing was changed, retry"));
        }
        RpcClient client = rpcClient(current);
        if (client == null) {
            return CompletableFuture.failedFuture(new MetaRaftException("this member's raft client is not running"));
        }
        return forwarder.forward(client, leader.get(), command);
    }

    /** JRaft's client of this member, which already talks to the others; null while it has none (or no node). */
    private static RpcClient rpcClient(Node current) {
        if (current instanceof NodeImpl impl && impl.getRpcService() instanceof AbstractClientService service) {
            return service.getRpcClient();
        }
        return null;
    }

    /**
     * The replicated state once this member has applied every entry the group committed before this call: JRaft's
     * ReadIndex asks the leader for its commit index (the leader confirms it still leads with a heartbeat round)
     * and waits for this member to apply up to it. So a member just restarted answers the group's state, not the
     * one it had before. Fails with {@link MetaRaftException} when there is no leader, no majority, or no answer
     * within {@link #READ_INDEX_TIMEOUT_MILLIS}; {@link #state()} is then all this member knows.
     */
    public CompletableFuture<MetaState> readCommitted() {
        Node current = node;
        CompletableFuture<MetaState> done = new CompletableFuture<>();
        if (current == null) {
            done.completeExceptionally(new MetaRaftException("the raft member " + self() + " is not running"));
            return done;
        }
        try {
            current.readIndex(NO_READ_CONTEXT, new ReadIndexClosure(READ_INDEX_TIMEOUT_MILLIS) {
                @Override
                public void run(Status status, long index, byte[] context) {
                    if (status.isOk()) {
                        done.complete(model.state());
                    } else {
                        done.completeExceptionally(new MetaRaftException("the group did not confirm its latest"
                                + " state: " + status));
                    }
                }
            });
        } catch (IllegalStateException e) {
            // JRaft throws when the node is shutting down.
            done.completeExceptionally(new MetaRaftException("the raft member " + self() + " is stopping"));
        }
        return done;
    }

    /**
     * Tells {@code listener} what changed (e.g. {@code "persistent data"}) each time a committed command changes what
     * the sessions' and data servers' views show, on every member, on the group's state-machine thread: it must hand
     * the news on and return. {@link #removeViewListener} removes it.
     */
    public void addViewListener(Consumer<String> listener) {
        fsm.addViewListener(listener);
    }

    public void removeViewListener(Consumer<String> listener) {
        fsm.removeViewListener(listener);
    }

    /** The replicated state as this member has applied it; a follower may lag the leader briefly. */
    public MetaState state() {
        return model.state();
    }

    /** Whether the raft port listens: from a successful {@link #start()} until {@link #close()}. */
    public boolean listening() {
        return node != null;
    }

    /** This member's raft address {@code host:port}. */
    public String self() {
        return self.getEndpoint().toString();
    }

    public int port() {
        return options.port();
    }

    /**
     * Connections the raft port's guard admitted and that are still open: the other members' (JRaft's Bolt
     * clients) and any other peer's; 0 while not started.
     */
    public synchronized int raftPortConnections() {
        return portGuard == null ? 0 : portGuard.openConnections();
    }

    /**
     * True once this member leads and its state machine has caught up with the log ({@code onLeaderStart}
     * ran): from then on {@link #apply} accepts commands.
     */
    public boolean isLeader() {
        Node current = node;
        return current != null && current.isLeader() && fsm.leaderTerm() >= 0;
    }

    public RaftRole role() {
        Node current = node;
        if (current == null) {
            return RaftRole.INACTIVE;
        }
        State state = current.getNodeState();
        if (state == State.STATE_LEADER || state == State.STATE_TRANSFERRING) {
            return RaftRole.LEADER;
        }
        if (state == State.STATE_FOLLOWER) {
            return RaftRole.FOLLOWER;
        }
        return state == State.STATE_CANDIDATE ? RaftRole.CANDIDATE : RaftRole.INACTIVE;
    }

    /** The leader's raft address {@code host:port}, when this member knows one. */
    public Optional<String> leader() {
        Node current = node;
        if (current == null) {
            return Optional.empty();
        }
        PeerId leader = current.getLeaderId();
        return leader == null || leader.isEmpty() ? Optional.empty() : Optional.of(leader.getEndpoint().toString());
    }

    /**
     * True while this member leads or follows a leader it knows: the group can commit. False while it is
     * not started, elects (REG-43: no leader) or has failed.
     */
    public boolean inGroupWithLeader() {
        RaftRole role = role();
        return (role == RaftRole.LEADER || role == RaftRole.FOLLOWER) && leader().isPresent();
    }

    /** How often this member saw a new leader (itself or another) since it started (REG-41). */
    public long leaderChanges() {
        return fsm.leaderChanges();
    }

    /** The group's members as {@code host:port} (REG-44), in the current configuration's order. */
    public List<String> peers() {
        Node current = node;
        if (current == null) {
            return List.of();
        }
        if (current.isLeader()) {
            return current.listPeers().stream().map(p -> p.getEndpoint().toString()).toList();
        }
        // listPeers() answers on the leader only; a follower reports the membership it last applied.
        Configuration conf = fsm.committedConf();
        if (conf == null) {
            conf = current.getOptions().getInitialConf();
        }
        return conf.listPeers().stream()
                .map(p -> p.getEndpoint().toString()).toList();
    }

    /**
     * Replaces the group's members (REG-45). Entries are {@code host:port}, or {@code host} for this
     * member's raft port, as the seed's {@code ipAddressList} gives plain IPs. Must run on the leader.
     *
     * @throws IllegalArgumentException when an entry is no member address, or there is none
     */
    public CompletableFuture<Void> changePeers(List<String> peers) {
        // Bad input is refused as such on any member, before the leader check.
        Configuration conf = configuration(peers);
        if (conf.isEmpty()) {
            throw new IllegalArgumentException("no peers given");
        }
        Node current = node;
        if (current == null || !current.isLeader()) {
            return CompletableFuture.failedFuture(new NotLeaderException(leader().orElse(null)));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        LOG.info("meta raft change peers from {} to {}", current.listPeers(), conf);
        current.changePeers(conf, status -> complete(done, status, "change peers to " + conf));
        return done;
    }

    /** Takes a snapshot now (JRaft also takes them every {@code snapshotIntervalSecs}). */
    public CompletableFuture<Void> snapshot() {
        Node current = node;
        if (current == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("not started"));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        current.snapshot(status -> complete(done, status, "snapshot"));
        return done;
    }

    /** Runs one eviction round now; the timer does the same every {@code evictIntervalMillis}. */
    public CompletableFuture<List<CommandResult>> evictExpired() {
        return evictor.evictExpired();
    }

    /**
     * Stops the eviction timer, the raft port and the JRaft node, and returns once they are gone: the port is
     * closed, RocksDB has released the data directory and no thread this class started runs. JRaft's and
     * Bolt's static executors stay (decision record 0015).
     */
    @Override
    public synchronized void close() {
        if (started == null) {
            return;
        }
        if (evictTimer != null) {
            evictTimer.shutdownNow();
            awaitTermination(evictTimer);
            evictTimer = null;
        }
        node = null;
        stop(rpcServer, started);
        lock.close();
        lock = null;
        rpcServer = null;
        portGuard = null;
        started = null;
        LOG.info("meta raft member {} stopped", self);
    }

    /** In RaftGroupService's order: no more requests, then the node, then its address. */
    private void stop(RpcServer server, Node raftNode) {
        try {
            // Returns once the port is free, so a restart can bind it again at once.
            if (!BoltServerStop.stop(server::shutdown, options.bindAddress(), options.port(),
                    BoltServerStop.DEFAULT_WAIT)) {
                LOG.warn("the raft port of {} was still taken after closing", self);
            }
        } catch (RuntimeException e) {
            LOG.warn("closing the raft port of {} failed: {}", self, e.toString());
        }
        try {
            raftNode.shutdown();
            raftNode.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("stopping JRaft node {} failed: {}", self, e.toString());
        }
        stopConnectionEventThreads(server, raftNode);
        NodeManager.getInstance().removeAddress(self.getEndpoint());
    }

    /**
     * Bolt's shutdown leaves one connection event thread per Bolt server and client: the raft port's, and that
     * of the client JRaft's node talks to its peers with (decision record 0015).
     */
    private static void stopConnectionEventThreads(RpcServer server, Node raftNode) {
        if (server instanceof BoltRpcServer bolt) {
            BoltEventExecutor.shutdown(bolt.getServer());
        }
        if (rpcClient(raftNode) instanceof BoltRpcClient client) {
            BoltEventExecutor.shutdown(client.getRpcClient());
        }
    }

    /**
     * After a failed {@code Node.init}: stops what JRaft started without waiting for it. {@code Node.join()}
     * would wait forever for parts that never started; JRaft threads of the failed node may therefore stay.
     */
    private void abandon(RpcServer server, Node raftNode) {
        try {
            // Returns once the port is free, so a restart can bind it again at once.
            if (!BoltServerStop.stop(server::shutdown, options.bindAddress(), options.port(),
                    BoltServerStop.DEFAULT_WAIT)) {
                LOG.warn("the raft port of {} was still taken after closing", self);
            }
        } catch (RuntimeException e) {
            LOG.warn("closing the raft port of {} failed: {}", self, e.toString());
        }
        try {
            raftNode.shutdown();
        } catch (RuntimeException e) {
            LOG.warn("stopping the failed JRaft node {} failed: {}", self, e.toString());
        }
        stopConnectionEventThreads(server, raftNode);
        NodeManager.getInstance().removeAddress(self.getEndpoint());
    }

    private void awaitTermination(ScheduledExecutorService executor) {
        try {
            if (!executor.awaitTermination(TERMINATION_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("the eviction timer of {} did not stop within {} s", self, TERMINATION_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    /**
     * A new leader waits one node timeout before evicting: renewal times were written by the previous
     * leader's clock, and servers need that long to find the new leader and renew (REG-40).
     */
    private boolean mayEvict() {
        return isLeader() && options.clock().millis() - fsm.leaderSinceMillis() >= options.nodeTimeoutMillis();
    }

    private void evictQuietly() {
        try {
            evictor.evictExpired().whenComplete((results, failure) -> {
                // Losing leadership mid-round is normal: the next leader runs its own rounds.
                if (failure != null && !(failure.getCause() instanceof NotLeaderException)) {
                    LOG.warn("eviction round failed: {}", failure.getMessage());
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("eviction round failed", e);
        }
    }

    private Configuration configuration(List<String> peers) {
        List<PeerId> ids = new ArrayList<>();
        for (String peer : peers) {
            String trimmed = peer.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            PeerId id = new PeerId();
            String text = PeerAddresses.normalize(trimmed, options.port());
            if (!id.parse(text)) {
                throw new IllegalArgumentException("not a raft peer address: " + peer);
            }
            ids.add(id);
        }
        return new Configuration(ids);
    }

    private static void complete(CompletableFuture<Void> done, Status status, String what) {
        if (status.isOk()) {
            done.complete(null);
        } else {
            done.completeExceptionally(new MetaRaftException(what + " failed: " + status));
        }
    }

    private static String directory(Path path) {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + path, e);
        }
        return path.toString();
    }
}
