package io.weft.drm.server.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.api.drm.DrmException;
import io.weft.drm.protocol.DrmMessage;
import io.weft.drm.protocol.ErrorReply;
import io.weft.drm.protocol.Holders;
import io.weft.drm.protocol.HoldersQuery;
import io.weft.drm.protocol.Publish;
import io.weft.drm.protocol.PublishAck;
import io.weft.drm.server.cache.AttributeCache;
import io.weft.drm.server.cache.CachedAttribute;
import io.weft.drm.server.connection.ClientSession;
import io.weft.drm.server.connection.SessionRegistry;
import io.weft.drm.server.core.DatabaseState;
import io.weft.drm.server.node.NodeDirectory;
import io.weft.drm.server.push.Pusher;
import io.weft.drm.server.store.NodeRow;

/**
 * What the sync port does (DRM-6 steps 3-4, DRM-8): on a {@link Publish}, re-reads the attribute from the
 * store, notifies this node's clients and, when asked to relay, forwards it to every other live drmdata
 * node in parallel (2 s each); a node the relay misses catches up from the store. On a
 * {@link HoldersQuery}, lists this node's clients of the attribute. Lines of {@code drmdata-sync.log}:
 * {@code receive;origin;instanceId;key;version;relay} and {@code relay;peerNodeId;ok|fail:reason}.
 * Thread-safe.
 */
public final class Publisher {

    static final Duration RELAY_TIMEOUT = Duration.ofSeconds(2);

    private static final Logger SYNC_LOG = LoggerFactory.getLogger("drmdata.sync");
    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

    private final AttributeCache cache;
    private final Pusher pusher;
    private final SessionRegistry sessions;
    private final NodeDirectory nodes;
    private final SyncClient peers;
    private final Supplier<String> nodeId;
    private final DatabaseState database;
    private final AtomicLong relayIds = new AtomicLong(System.nanoTime());

    public Publisher(AttributeCache cache, Pusher pusher, SessionRegistry sessions, NodeDirectory nodes,
            SyncClient peers, Supplier<String> nodeId, DatabaseState database) {
        this.cache = cache;
        this.pusher = pusher;
        this.sessions = sessions;
        this.nodes = nodes;
        this.peers = peers;
        this.nodeId = nodeId;
        this.database = database;
    }

    /** Handles one publish; the answer completes once every relay answered or timed out. */
    public CompletableFuture<DrmMessage> publish(Publish p) {
        SYNC_LOG.info("receive;{};{};{};{};{}", oneLine(p.origin()), p.instanceId(), p.key(), p.version(), p.relay());
        int local;
        try {
            Optional<CachedAttribute> attribute = cache.refresh(p.instanceId(), p.key());
            database.succeeded();
            local = attribute.map(pusher::notifySubscribers).orElse(0);
            if (attribute.isEmpty()) {
                LOG.info("publish of unknown attribute {}/{} from {}: nothing to notify", p.instanceId(), p.key(),
                        p.origin());
            }
        } catch (DrmException e) {
            database.failed(e);
            // The relay still goes out: peers whose database answers notify their clients.
            LOG.warn("publish of {}/{}: cannot read the attribute ({}); this node's clients catch up later",
                    p.instanceId(), p.key(), e.getMessage());
            local = 0;
        }
        if (!p.relay()) {
            return CompletableFuture.completedFuture(new PublishAck(p.requestId(), nodeId.get(), local, 0, 0));
        }
        List<NodeRow> targets = nodes.livePeers(nodes.refresh());
        List<CompletableFuture<Relayed>> relays = new ArrayList<>(targets.size());
        for (NodeRow peer : targets) {
            relays.add(relay(peer, p));
        }
        int notifiedHere = local;
        return CompletableFuture.allOf(relays.toArray(CompletableFuture[]::new)).thenApply(v -> {
            int notified = notifiedHere;
            int ok = 0;
            int failed = 0;
            for (CompletableFuture<Relayed> r : relays) {
                Relayed result = r.join();
                if (result.ok()) {
                    ok++;
                    notified += result.notified();
                } else {
                    failed++;
                }
            }
            return new PublishAck(p.requestId(), nodeId.get(), notified, ok, failed);
        });
    }

    /** This node's clients listening to the attribute, with the version each holds. */
    public Holders holders(HoldersQuery q) {
        List<Holders.Holder> list = new ArrayList<>();
        for (ClientSession s : sessions.subscribers(q.instanceId(), q.key())) {
            long held = s.held(q.key());
            if (held >= 0) {
                list.add(new Holders.Holder(s.clientIp(), s.zone(), s.appName(), held, s.connectedAtMillis(),
                        s.lastHeartbeatMillis()));
            }
        }
        return new Holders(q.requestId(), nodeId.get(), list);
    }

    private record Relayed(boolean ok, int notified) {
    }

    private CompletableFuture<Relayed> relay(NodeRow peer, Publish p) {
        Publish forward = new Publish(relayIds.incrementAndGet(), p.instanceId(), p.key(), p.version(), p.gray(),
                false, p.origin().isEmpty() ? nodeId.get() : p.origin());
        return peers.request(peer.host(), peer.syncPort(), forward, RELAY_TIMEOUT).handle((answer, error) -> {
            if (error == null && answer instanceof PublishAck ack) {
                SYNC_LOG.info("relay;{};ok", peer.nodeId());
                return new Relayed(true, ack.notifiedClients());
            }
            String reason = error != null ? messageOf(error)
                    : answer instanceof ErrorReply e ? e.code() + " " + e.message()
                    : "unexpected answer " + answer.getClass().getSimpleName();
            SYNC_LOG.info("relay;{};fail:{}", peer.nodeId(), oneLine(reason));
            return new Relayed(false, 0);
        });
    }

    private static String messageOf(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && (c instanceof java.util.concurrent.CompletionException)) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ').replace(';', ',');
    }
}
