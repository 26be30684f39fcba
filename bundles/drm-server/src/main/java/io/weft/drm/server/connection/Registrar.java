package io.weft.drm.server.connection;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.channel.Channel;
import io.weft.api.drm.DrmException;
import io.weft.drm.protocol.DrmKeys;
import io.weft.drm.protocol.Register;
import io.weft.drm.protocol.Registered;
import io.weft.drm.protocol.Subscribe;
import io.weft.drm.protocol.Subscription;
import io.weft.drm.protocol.VersionNotice;
import io.weft.drm.server.cache.AttributeCache;
import io.weft.drm.server.cache.CachedAttribute;
import io.weft.drm.server.core.DatabaseState;
import io.weft.drm.server.core.Settings;
import io.weft.drm.server.node.NodeDirectory;
import io.weft.drm.server.pull.PullTokenAuthority;
import io.weft.drm.server.push.Pusher;
import io.weft.drm.server.store.DrmStore;

/**
 * Registrations (DRM-7) and later subscriptions of a long connection: authorises the client, declares
 * its attributes in the store (so the console lists them, DRM-22), and answers with the version of every
 * attribute the client must hold, where to pull, a pull token and the heartbeat period. Each
 * registration and disconnection is one line of {@code drmdata-container.log}. Thread-safe; called on a
 * connection's worker thread (it reads the store).
 */
public final class Registrar {

    private static final Logger CONTAINER_LOG = LoggerFactory.getLogger("drmdata.container");
    private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);

    private final Authorizer authorizer;
    private final DrmStore store;
    private final AttributeCache cache;
    private final SessionRegistry sessions;
    private final NodeDirectory nodes;
    private final PullTokenAuthority tokens;
    private final Pusher pusher;
    private final Supplier<Settings> settings;
    private final Supplier<String> nodeId;
    private final DatabaseState database;
    private final Clock clock;

    public Registrar(Authorizer authorizer, DrmStore store, AttributeCache cache, SessionRegistry sessions,
            NodeDirectory nodes, PullTokenAuthority tokens, Pusher pusher, Supplier<Settings> settings,
            Supplier<String> nodeId, DatabaseState database, Clock clock) {
        this.authorizer = authorizer;
        this.store = store;
        this.cache = cache;
        this.sessions = sessions;
        this.nodes = nodes;
        this.tokens = tokens;
        this.pusher = pusher;
        this.settings = settings;
        this.nodeId = nodeId;
        this.database = database;
        this.clock = clock;
    }

    /** The outcome of a registration: the answer to send and, when accepted, the new session. */
    public record Outcome(Registered answer, ClientSession session) {
    }

    public Outcome register(Channel channel, String clientIp, Register r) {
        int count = r.subscriptions().size();
        String refusal = checkShape(r.instanceId(), count);
        if (refusal != null) {
            return refused(r, clientIp, "BAD_REQUEST", refusal);
        }
        String authRefusal = authorizer.refusal(r, clientIp);
        if (authRefusal != null) {
            return refused(r, clientIp, "AUTH_FAILED", authRefusal);
        }
        ClientSession session = new ClientSession(channel, r.instanceId(), r.appName(), clientIp, r.clientIp(),
                r.zone(), r.dataCenter(), clock.millis());
        Registered answer;
        try {
            answer = answer(session, r.requestId(), r.subscriptions());
        } catch (DrmException e) {
            database.failed(e);
            return refused(r, clientIp, "UNAVAILABLE", "drmdata cannot read its database: " + e.getMessage());
        }
        sessions.add(session);
        sessions.index(session, session.keys());
        CONTAINER_LOG.info("register;{};{};{};{};{};ok", r.instanceId(), oneLine(r.appName()), clientIp,
                oneLine(r.zone()), count);
        return new Outcome(answer, session);
    }

    /** Adds attributes to a registered connection; answered like a registration, for these attributes. */
    public Registered subscribe(ClientSession session, Subscribe s) {
        Settings c = settings.get();
        Set<String> added = new LinkedHashSet<>();
        for (Subscription sub : s.subscriptions()) {
            if (!session.subscribes(sub.key())) {
                added.add(sub.key());
            }
        }
        if (session.keyCount() + added.size() > c.maxAttributesPerClient()) {
            return Registered.refused(s.requestId(), "BAD_REQUEST", "at most " + c.maxAttributesPerClient()
                    + " attributes per client, this one would listen to " + (session.keyCount() + added.size()),
                    nodeId.get());
        }
        try {
            Registered answer = answer(session, s.requestId(), s.subscriptions());
            sessions.index(session, added);
            return answer;
        } catch (DrmException e) {
            database.failed(e);
            return Registered.refused(s.requestId(), "UNAVAILABLE", "drmdata cannot read its database: "
                    + e.getMessage(), nodeId.get());
        }
    }

    /**
     * After the answer was sent: a push that raced with the registration (the version changed between the
     * store read and the index) is notified now.
     */
    public void afterAnswer(ClientSession session, List<VersionNotice> told) {
        for (VersionNotice v : told) {
            cache.peek(session.instanceId(), v.key()).ifPresent(c -> {
                long now = c.versionFor(session.clientIp(), session.zone());
                if (now > v.version()) {
                    pusher.notifyIfLagging(session, v.key(), now);
                }
            });
        }
    }

    /** The connection of a registered session closed. */
    public void unregistered(ClientSession session) {
        sessions.remove(session);
        pusher.closed(session);
        long seconds = Math.max(0, (clock.millis() - session.connectedAtMillis()) / 1000);
        CONTAINER_LOG.info("unregister;{};{};{};{};{}s", session.instanceId(), oneLine(session.appName()),
                session.clientIp(), oneLine(session.zone()), seconds);
    }

    private Registered answer(ClientSession session, long requestId, List<Subscription> subscriptions) {
        List<String> keys = new ArrayList<>(subscriptions.size());
        subscriptions.forEach(s -> keys.add(s.key()));
        if (!keys.isEmpty()) {
            store.declare(session.instanceId(), keys);
        }
        Map<String, CachedAttribute> current = cache.getAll(session.instanceId(), keys);
        String token = tokens.issue(session.instanceId());
        database.succeeded();
        List<VersionNotice> versions = new ArrayList<>(keys.size());
        for (Subscription s : subscriptions) {
            CachedAttribute c = current.get(s.key());
            long version = c == null ? 0 : c.versionFor(session.clientIp(), session.zone());
            versions.add(new VersionNotice(s.key(), version));
            // The client pulls what it lacks on this answer: count it as held so no Notify doubles it; a
            // failed pull shows in its next heartbeat, which replaces this.
            session.hold(s.key(), Math.max(s.version(), version));
        }
        Settings c = settings.get();
        return new Registered(requestId, true, "", "", versions, nodes.pullEndpoints(session.dataCenter()), token,
                c.heartbeatSeconds(), nodeId.get());
    }

    private String checkShape(String instanceId, int count) {
        try {
            DrmKeys.checkInstanceId(instanceId);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        int max = settings.get().maxAttributesPerClient();
        return count > max ? "at most " + max + " attributes per client, this one listens to " + count : null;
    }

    private Outcome refused(Register r, String clientIp, String code, String reason) {
        CONTAINER_LOG.info("register;{};{};{};{};{};refused:{}", oneLine(r.instanceId()), oneLine(r.appName()),
                clientIp, oneLine(r.zone()), r.subscriptions().size(), code);
        LOG.info("registration of {} ({}) from {} refused: {} {}", oneLine(r.instanceId()), oneLine(r.appName()),
                clientIp, code, reason);
        return new Outcome(Registered.refused(r.requestId(), code, reason, nodeId.get()), null);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ').replace(';', ',');
    }
}
