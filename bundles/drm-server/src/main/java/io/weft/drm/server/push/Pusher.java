package io.weft.drm.server.push;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.util.concurrent.Future;
import io.weft.drm.protocol.Ack;
import io.weft.drm.protocol.Notify;
import io.weft.drm.server.cache.CachedAttribute;
import io.weft.drm.server.connection.ClientSession;
import io.weft.drm.server.connection.SessionRegistry;
import io.weft.drm.server.monitor.DrmMetrics;

/**
 * Tells clients that a newer version of an attribute is there (DRM-6 step 4): sends {@link Notify} and
 * does not wait for the answer. The outcome of each notification, an {@link Ack} or no answer within
 * the ack timeout, is one line of {@code drmdata-push.log} (DRM-20): {@code [push]instanceId;key;clientIp;0|1}.
 *
 * <p>A connection that is not writable (the client reads too slowly) is skipped and logged as failed at
 * once: no client is waited for, and its next heartbeat names what it lacks. Thread-safe.
 */
public final class Pusher {

    private static final Logger PUSH_LOG = LoggerFactory.getLogger("drmdata.push");
    private static final Logger LOG = LoggerFactory.getLogger(Pusher.class);

    private final SessionRegistry sessions;
    private final DrmMetrics metrics;
    private final LongSupplier ackTimeoutMillis;
    private final AtomicLong pushIds = new AtomicLong();
    private final Map<Long, PendingPush> pending = new ConcurrentHashMap<>();

    public Pusher(SessionRegistry sessions, DrmMetrics metrics, LongSupplier ackTimeoutMillis) {
        this.sessions = sessions;
        this.metrics = metrics;
        this.ackTimeoutMillis = ackTimeoutMillis;
    }

    /**
     * Notifies every client of this node listening to the attribute that holds less than the version
     * meant for it (a gray release's targets the gray version, the others the common one).
     *
     * @return the number of clients notified
     */
    public int notifySubscribers(CachedAttribute attribute) {
        int n = 0;
        String instanceId = attribute.stored().instanceId();
        String key = attribute.stored().key();
        for (ClientSession s : sessions.subscribers(instanceId, key)) {
            if (notifyIfLagging(s, key, attribute.versionFor(s.clientIp(), s.zone()))) {
                n++;
            }
        }
        return n;
    }

    /**
     * Notifies one client when it holds less than {@code version} and no notification of that version is
     * already awaited.
     *
     * @return whether a notification was sent (or attempted and failed)
     */
    public boolean notifyIfLagging(ClientSession session, String key, long version) {
        if (version <= 0 || session.held(key) >= version || !session.claimNotify(key, version)) {
            return false;
        }
        long pushId = pushIds.incrementAndGet();
        if (!session.channel().isActive() || !session.channel().isWritable()) {
            session.releaseNotify(key, version);
            finish(session, key, false, session.channel().isActive() ? "connection not writable (slow client)"
                    : "connection closed");
            return true;
        }
        PendingPush p = new PendingPush(pushId, session, key, version);
        pending.put(pushId, p);
        Future<?> timeout = session.channel().eventLoop().schedule(() -> timedOut(pushId),
                ackTimeoutMillis.getAsLong(), TimeUnit.MILLISECONDS);
        p.timeout(timeout);
        session.channel().writeAndFlush(new Notify(pushId, key, version)).addListener(f -> {
            if (!f.isSuccess() && pending.remove(pushId, p)) {
                timeout.cancel(false);
                session.releaseNotify(key, version);
                finish(session, key, false, "write failed: " + f.cause());
            }
        });
        return true;
    }

    /** An answer from a client: logs the outcome and, when ok, records the version it now holds. */
    public void acknowledged(ClientSession session, Ack ack) {
        PendingPush p = pending.get(ack.pushId());
        if (p == null || p.session() != session || !pending.remove(ack.pushId(), p)) {
            LOG.debug("ack of unknown or expired push {} from {}", ack.pushId(), session.clientIp());
            return;
        }
        p.cancelTimeout();
        if (ack.ok()) {
            session.hold(p.key(), Math.max(p.version(), ack.version()));
        }
        session.releaseNotify(p.key(), p.version());
        finish(session, p.key(), ack.ok(), ack.ok() ? "" : "client failed: " + ack.error());
    }

    /** The connection closed: its awaited notifications failed. */
    public void closed(ClientSession session) {
        pending.values().removeIf(p -> {
            if (p.session() == session) {
                p.cancelTimeout();
                finish(session, p.key(), false, "connection closed before the acknowledgement");
                return true;
            }
            return false;
        });
    }

    /** Notifications awaiting an answer. */
    public int pendingCount() {
        return pending.size();
    }

    private void timedOut(long pushId) {
        PendingPush p = pending.remove(pushId);
        if (p != null) {
            p.session().releaseNotify(p.key(), p.version());
            finish(p.session(), p.key(), false, "no acknowledgement within " + ackTimeoutMillis.getAsLong() + " ms");
        }
    }

    private void finish(ClientSession s, String key, boolean ok, String why) {
        metrics.pushed(ok);
        PUSH_LOG.info("[push]{};{};{};{}", s.instanceId(), key, s.clientIp(), ok ? 0 : 1);
        if (!ok) {
            LOG.info("push of {}/{} to {} ({}) failed: {}", s.instanceId(), key, s.clientIp(), s.appName(), why);
        }
    }
}
