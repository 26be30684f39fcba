package io.weft.registry.session;

import io.weft.registry.session.connection.ClientConnections;
import io.weft.registry.session.console.ConsoleSnapshot;

import io.weft.api.osp.SignatureVerifier;
import io.weft.codec.bolt.BoltHessian;
import io.weft.registry.protocol.inprocess.InProcessDataPort;
import io.weft.registry.session.cluster.SessionCluster;
import io.weft.registry.session.connection.ClientConnection;
import io.weft.registry.session.connection.RefusalCounts;
import io.weft.registry.session.data.DataInfoId;
import io.weft.registry.session.data.DatumVersions;
import io.weft.registry.session.data.LocalPersistentData;
import io.weft.registry.session.data.LocalSessionData;
import io.weft.registry.session.data.PersistentData;
import io.weft.registry.session.data.SessionData;
import io.weft.registry.session.ops.ClusterStatus;
import io.weft.registry.session.ops.SessionView;
import io.weft.registry.session.push.PushCounts;
import io.weft.registry.session.push.PushSwitch;
import io.weft.registry.session.register.Registrations;
import io.weft.registry.session.register.Subscription;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session node: a {@link SessionServer} restarted when its options change, with the push switch, the push
 * counters and the counts of what the client port refused kept across restarts. Free of OSGi;
 * {@link SessionServerComponent} runs it.
 *
 * <p>Two modes. <b>Standalone</b> (no meta servers): the server runs on this node's own in-memory data and the
 * operators' persistent data written here. <b>Cluster</b> (meta servers configured, decision record 0021): each
 * start of the server comes with a {@link SessionCluster}, a new session process that heartbeats to the meta
 * leader, follows its push switch and persistent data, and hands publications to the data servers.
 *
 * <p>A restart closes every client connection, {@link #restartHandoverMillis(long) a moment} after the new port
 * listens: the clients reconnect by themselves and replay their registrations (RCP-14), so the data is rebuilt
 * from them; a fresh data layer therefore starts with each server (in a cluster, the old process's publishers
 * stay on the data servers until the clients' registrations through the new one take them over, or the old
 * process's lease ends), and datum versions still rise because they are time-based (RCP-12). A client port that
 * cannot be bound leaves the node up but not listening: health is down, discovery answers 503, and the next
 * {@link #apply} tries again.
 *
 * <p>Thread-safe: changes are serialised; the {@link SessionView} reads a volatile snapshot.
 */
public final class SessionNode implements SessionView, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("registry.session");
    private static final int RESTART_ATTEMPTS = 20;
    private static final long RESTART_PAUSE_MILLIS = 100;

    private final PushSwitch pushSwitch = new PushSwitch();
    private final PersistentData localPersistentData;
    private final PushCounts pushCounts = new PushCounts();
    private final RefusalCounts refusals = new RefusalCounts();
    private final Supplier<SignatureVerifier> verifier;
    private final Clock clock;
    private final BoltHessian hessian;

    private volatile Running running;
    private volatile String advertisedHost = "127.0.0.1";
    private SessionOptions options;
    private ClusterOptions clusterOptions;
    private boolean closed;
    /** The data server of this node, offered in-process; null: none, or not to be used (decision record 0025). */
    private InProcessDataPort localData;
    /** How long a restart of the client port keeps the old clients' connections open (0: none). */
    private volatile long restartHandoverMillis;

    /**
     * A started server, the data it runs on and, in a cluster, the link that data comes through.
     *
     * @param cluster null for a standalone node
     */
    private record Running(SessionServer server, PersistentData persistentData, SessionCluster cluster) {
    }

    /**
     * @param verifier the current signature verifier, null while there is none (asked at each registration)
     */
    public SessionNode(BoltHessian hessian, Supplier<SignatureVerifier> verifier, Clock clock) {
        this(hessian, new LocalPersistentData(), verifier, clock);
    }

    /** @param persistentData the operators' persistent data while the node runs standalone */
    public SessionNode(BoltHessian hessian, PersistentData persistentData, Supplier<SignatureVerifier> verifier,
            Clock clock) {
        this.hessian = Objects.requireNonNull(hessian, "hessian");
        this.localPersistentData = Objects.requireNonNull(persistentData, "persistentData");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The data server of this node, which a session in a cluster then calls in-process rather than over Bolt
     * (decision record 0025); null when there is none (or it is not to be used): every call over Bolt.
     */
    public synchronized void localData(InProcessDataPort port) {
        localData = port;
        Running r = running;
        if (r != null && r.cluster() != null) {
            r.cluster().useLocalData(port);
        }
    }

    /** Runs standalone with {@code next}: {@link #apply(SessionOptions, ClusterOptions, String)} without metas. */
    public boolean apply(SessionOptions next, String nextAdvertisedHost) {
        return apply(next, ClusterOptions.LOCAL, nextAdvertisedHost);
    }

    /**
     * Runs with {@code next} and {@code nextCluster}: the first call starts the server; a later one restarts it if
     * either differs or it is not listening, and otherwise only takes the new advertised host.
     *
     * @param nextCluster {@link ClusterOptions#LOCAL} for a standalone node
     * @return whether the client port listens afterwards
     */
    public synchronized boolean apply(SessionOptions next, ClusterOptions nextCluster, String nextAdvertisedHost) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        Objects.requireNonNull(nextCluster, "cluster");
        advertisedHost = Objects.requireNonNull(nextAdvertisedHost, "advertisedHost");
        if (running != null && next.equals(options) && nextCluster.equals(clusterOptions)) {
            return true;
        }
        boolean restarting = running != null;
        if (restarting) {
            LOG.info("[session] options changed: restarting the client port (clients reconnect and replay)");
            stopServer(restartHandoverMillis);
        }
        options = next;
        clusterOptions = nextCluster;
        // Bolt closes its listening socket without waiting for it, so right after a stop the same port may
        // still be held for a moment: a restart tries a few times before it counts as a failure.
        int attempts = restarting ? RESTART_ATTEMPTS : 1;
        for (int attempt = 1; ; attempt++) {
            try {
                running = start(next, nextCluster);
                return true;
            } catch (RuntimeException e) {
                if (attempt >= attempts || !pause()) {
                    LOG.error("[session] the client port {}:{} cannot listen, the node serves no client: {}",
                            next.host(), next.port(), e.getMessage());
                    return false;
                }
            }
        }
    }

    /** @throws RuntimeException if the client port cannot listen; nothing is left running then */
    private Running start(SessionOptions next, ClusterOptions cluster) {
        Registrations registrations = new Registrations();
        SessionCluster link = null;
        SessionData data;
        PersistentData persistent;
        if (cluster.clustered()) {
            link = new SessionCluster(hessian, cluster, next.dataCenter(), next.zone(), pushSwitch,
                    () -> subscribedIds(registrations), clock);
            link.useLocalData(localData);
            data = link.data();
            persistent = link.persistentData();
        } else {
            data = new LocalSessionData(new DatumVersions(clock::millis));
            persistent = localPersistentData;
        }
        SessionServer server = new SessionServer(hessian, next, registrations, data, persistent, pushSwitch, verifier,
                clock, pushCounts, refusals);
        try {
            server.start();
        } catch (RuntimeException e) {
            if (link != null) {
                link.close();
            }
            throw e;
        }
        if (link != null) {
            int port = server.port();
            link.start(() -> hostPort(advertisedHost, port));
        }
        return new Running(server, persistent, link);
    }

    private static Collection<DataInfoId> subscribedIds(Registrations registrations) {
        return registrations.subscribers().all().stream().map(Subscription::id).collect(Collectors.toSet());
    }

    /** @return false when interrupted */
    private static boolean pause() {
        try {
            Thread.sleep(RESTART_PAUSE_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The port bound while listening (the configured one unless that was 0). */
    public OptionalInt boundPort() {
        Running r = running;
        return r == null ? OptionalInt.empty() : OptionalInt.of(r.server().port());
    }

    public String advertisedHost() {
        return advertisedHost;
    }

    /**
     * The persistent data (RCP-19) configurators are pushed: written here on a standalone node, the meta servers'
     * in a cluster.
     */
    public PersistentData persistentData() {
        Running r = running;
        return r == null ? localPersistentData : r.persistentData();
    }

    @Override
    public Optional<String> boltEndpoint() {
        OptionalInt port = boundPort();
        if (port.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(hostPort(advertisedHost, port.getAsInt()));
    }

    /** In a cluster, every session the meta leader names and this one; standalone, this one. */
    @Override
    public List<String> sessionEndpoints() {
        Running r = running;
        Optional<String> self = boltEndpoint();
        if (r == null || self.isEmpty()) {
            return List.of();
        }
        if (r.cluster() == null) {
            return List.of(self.get());
        }
        Set<String> endpoints = new TreeSet<>(r.cluster().sessionNodes());
        endpoints.add(self.get());
        return List.copyOf(endpoints);
    }

    @Override
    public ClusterStatus cluster() {
        Running r = running;
        return r == null || r.cluster() == null ? ClusterStatus.STANDALONE : r.cluster().status();
    }

    @Override
    public List<String> connections() {
        Running r = running;
        return r == null ? List.of()
                : r.server().connections().all().stream().map(ClientConnection::remoteAddress).toList();
    }

    /** What the console feed (REG-91) answers: this session's registrations, from memory. */
    public ConsoleSnapshot consoleSnapshot() {
        Running r = running;
        if (r == null) {
            return ConsoleSnapshot.empty();
        }
        ClientConnections connections = r.server().connections();
        return ConsoleSnapshot.of(boltEndpoint().orElse(""), r.server().registrations(),
                id -> connections.get(id).map(ClientConnection::remoteAddress).orElse(id));
    }

    @Override
    public int publishers() {
        Running r = running;
        return r == null ? 0 : r.server().registrations().publishers().size();
    }

    @Override
    public int subscribers() {
        Running r = running;
        return r == null ? 0 : r.server().registrations().subscribers().size();
    }

    @Override
    public int watchers() {
        Running r = running;
        return r == null ? 0 : r.server().registrations().configurators().size();
    }

    @Override
    public PushSwitch pushSwitch() {
        return pushSwitch;
    }

    @Override
    public PushCounts pushCounts() {
        return pushCounts;
    }

    @Override
    public RefusalCounts refusals() {
        return refusals;
    }

    /**
     * How long a restart of the client port (a changed option) keeps the clients' connections open after the
     * port closed, so they reconnect to the next port on their first try (see
     * {@link io.weft.registry.session.connection.BoltSessionServer#close(long)}); 0 closes them with the port.
     */
    public void restartHandoverMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("restartHandoverMillis must not be negative, was " + millis);
        }
        restartHandoverMillis = millis;
    }

    /** Closes the node, its clients' connections at once. */
    @Override
    public void close() {
        close(0);
    }

    /**
     * Closes the node as the whole node shuts down: in a cluster whose meta names other sessions, this session's
     * clients are first sent on to them, for up to {@code bounceMillis} (0: not at all; see
     * {@link io.weft.registry.session.connection.BoltSessionServer#bounceClients(long)}); then the port and every
     * connection close at once.
     *
     * @return whether the clients were sent on and had all gone before the port closed
     */
    public boolean shutDown(long bounceMillis) {
        if (bounceMillis < 0) {
            throw new IllegalArgumentException("shutdownBounceMillis must not be negative, was " + bounceMillis);
        }
        Running r = running;
        // sessionEndpoints() names this session and, in a cluster, every other the meta knows.
        boolean sentOn = r != null && bounceMillis > 0 && sessionEndpoints().size() > 1 && bounceClients(bounceMillis);
        close(0);
        return sentOn;
    }

    /** Sends this session's clients on to others for up to {@code maxMillis}; false if some still came back. */
    boolean bounceClients(long maxMillis) {
        Running r = running;
        return r != null && r.server().bounceClients(maxMillis);
    }

    /** Closes the node, its clients' connections {@code handoverMillis} after its client port. */
    public synchronized void close(long handoverMillis) {
        closed = true;
        stopServer(handoverMillis);
    }

    private void stopServer(long handoverMillis) {
        Running r = running;
        running = null;
        if (r != null) {
            r.server().close(handoverMillis);
            if (r.cluster() != null) {
                r.cluster().close();
            }
        }
    }

    private static String hostPort(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
