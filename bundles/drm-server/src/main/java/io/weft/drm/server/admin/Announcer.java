package io.weft.drm.server.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.weft.drm.protocol.DrmMessage;
import io.weft.drm.protocol.ErrorReply;
import io.weft.drm.protocol.GrayTarget;
import io.weft.drm.protocol.Publish;
import io.weft.drm.protocol.PublishAck;
import io.weft.drm.server.store.NodeRow;

/**
 * Tells one drmdata node that a version was written (DRM-6 step 2): a {@link Publish} with {@code relay}
 * set, so that node notifies its clients and relays to every other node. Nodes are tried one after the
 * other (own data center first) until one acknowledges. Thread-safe; blocks the caller at most one
 * timeout per node tried.
 */
final class Announcer {

    /** Added to the request's own timeout when waiting, so the sync client's timeout is what fires. */
    private static final long GRACE_MILLIS = 1000;

    private final SyncRequests sync;
    private final String origin;
    private final Random random;
    private final AtomicLong requestIds;

    /**
     * @param origin who announces, for drmdata's sync log (e.g. {@code console:host1})
     */
    Announcer(SyncRequests sync, String origin, Random random) {
        this.sync = sync;
        this.origin = origin;
        this.random = random;
        this.requestIds = new AtomicLong(random.nextInt(Integer.MAX_VALUE));
    }

    /**
     * @param live       the live nodes
     * @param gray       the gray targets of a gray push, {@code null} for a version everyone gets
     */
    Announcement announce(List<NodeRow> live, String dataCenter, String instanceId, String key, long version,
            GrayTarget gray, Duration timeout) {
        List<String> failures = new ArrayList<>();
        List<NodeRow> order = LiveNodes.announceOrder(live, dataCenter, random);
        for (NodeRow node : order) {
            Publish publish = new Publish(requestIds.incrementAndGet(), instanceId, key, version, gray, true, origin);
            try {
                DrmMessage answer = sync.request(node.host(), node.syncPort(), publish, timeout)
                        .get(timeout.toMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS);
                if (answer instanceof PublishAck ack) {
                    String nodeId = ack.nodeId() == null || ack.nodeId().isEmpty() ? node.nodeId() : ack.nodeId();
                    return new Announcement(nodeId, ack.notifiedClients(), ack.relayFailures(), failures);
                }
                failures.add(node.nodeId() + ": " + (answer instanceof ErrorReply e
                        ? "refused (" + e.code() + " " + e.message() + ")"
                        : "answered " + answer.getClass().getSimpleName() + " instead of publishAck"));
            } catch (ExecutionException e) {
                failures.add(node.nodeId() + ": " + describe(e.getCause()));
            } catch (TimeoutException e) {
                failures.add(node.nodeId() + ": no answer within " + timeout.toMillis() + " ms");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add(node.nodeId() + ": interrupted");
                break;
            }
        }
        return new Announcement("", 0, order.size(), failures);
    }

    static String describe(Throwable t) {
        if (t == null) {
            return "failed";
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
