package io.weft.registry.session;

import io.weft.codec.bolt.BoltHessian;
import io.weft.api.osp.SignatureVerifier;
import io.weft.registry.session.connection.ClientConnection;
import io.weft.registry.session.connection.RefusalCounts;
import io.weft.registry.session.data.DatumVersions;
import io.weft.registry.session.data.LocalPersistentData;
import io.weft.registry.session.data.LocalSessionData;
import io.weft.registry.session.data.PersistentData;
import io.weft.registry.session.ops.SessionView;
import io.weft.registry.session.push.PushCounts;
import io.weft.registry.session.push.PushSwitch;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone session node: a {@link SessionServer} on this node's own in-memory data, restarted when its
 * options change, with the push switch, the operators' persistent data, the push counters and the counts of
 * what the client port refused kept across restarts. Free of OSGi; {@link SessionServerComponent} runs it.
 *
 * <p>A restart closes every client connection: the clients reconnect by themselves and replay their
 * registrations (RCP-14), so the data is rebuilt from them; a fresh data layer therefore starts with each
 * server, and datum versions still rise because they are time-based (RCP-12). A client port that cannot be
 * bound leaves the node up but not listening: health is down, discovery answers 503, and the next
 * {@link #apply} tries again.
 *
 * <p>Thread-safe: changes are serialised; the {@link SessionView} reads a volatile snapshot.
 */
public final class SessionNode implements SessionView, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("registry.session");
    private static final int RESTART_ATTEMPTS = 20;
    private static final long RESTART_PAUSE_MILLIS = 100;

    private final PushSwitch pushSwitch = new PushSwitch();
    private final PersistentData persistentData;
    private final PushCounts pushCounts = new PushCounts();
    private final RefusalCounts refusals = new RefusalCounts();
    private final Supplier<SignatureVerifier> verifier;
    private final Clock clock;
    private final BoltHessian hessian;

    private volatile Running running;
    private volatile String advertisedHost = "127.0.0.1";
    private SessionOptions options;
    private boolean closed;

    /** A started server and the data it owns. */
    private record Running(SessionServer server, LocalSessionData data) {
    }

    /**
     * @param verifier the current signature verifier, null while there is none (asked at each registration)
     */
    public SessionNode(BoltHessian hessian, Supplier<SignatureVerifier> verifier, Clock clock) {
        this(hessian, new LocalPersistentData(), verifier, clock);
    }

    public SessionNode(BoltHessian hessian, PersistentData persistentData, Supplier<SignatureVerifier> verifier,
            Clock clock) {
        this.hessian = Objects.requireNonNull(hessian, "hessian");
        this.persistentData = Objects.requireNonNull(persistentData, "persistentData");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs with {@code next}: the first call starts the server; a later one restarts it if the options differ
     * or it is not listening, and otherwise only takes the new advertised host.
     *
     * @return whether the client port listens afterwards
     */
    public synchronized boolean apply(SessionOptions next, String nextAdvertisedHost) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        advertisedHost = Objects.requireNonNull(nextAdvertisedHost, "advertisedHost");
        if (running != null && next.equals(options)) {
            return true;
        }
        boolean restarting = running != null;
        if (restarting) {
            LOG.info("[session] options changed: restarting the client port (clients reconnect and replay)");
            stopServer();
        }
        options = next;
        // Bolt closes its listening socket without waiting for it, so right after a stop the same port may
        // still be held for a moment: a restart tries a few times before it counts as a failure.
        int attempts = restarting ? RESTART_ATTEMPTS : 1;
        for (int attempt = 1; ; attempt++) {
            LocalSessionData data = new LocalSessionData(new DatumVersions(clock::millis));
            SessionServer server =
                    new SessionServer(hessian, next, data, persistentData, pushSwitch, verifier, clock, pushCounts, refusals);
            try {
                server.start();
                running = new Running(server, data);
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

    /** The persistent data (RCP-19) configurators are pushed; operators write it. */
    public PersistentData persistentData() {
        return persistentData;
    }

    @Override
    public Optional<String> boltEndpoint() {
        OptionalInt port = boundPort();
        if (port.isEmpty()) {
            return Optional.empty();
        }
        String host = advertisedHost;
        return Optional.of((host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port.getAsInt());
    }

    @Override
    public List<String> connections() {
        Running r = running;
        return r == null ? List.of()
                : r.server().connections().all().stream().map(ClientConnection::remoteAddress).toList();
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

    @Override
    public synchronized void close() {
        closed = true;
        stopServer();
    }

    private void stopServer() {
        Running r = running;
        running = null;
        if (r != null) {
            r.server().close();
        }
    }
}
