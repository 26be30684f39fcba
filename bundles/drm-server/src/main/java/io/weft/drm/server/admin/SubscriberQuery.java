package io.weft.drm.server.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.api.drm.Subscribers;
import io.weft.drm.protocol.DrmMessage;
import io.weft.drm.protocol.Holders;
import io.weft.drm.protocol.HoldersQuery;
import io.weft.drm.server.store.NodeRow;

/**
 * Asks every live drmdata node, in parallel, which of its clients listen to an attribute (CON-8) and merges
 * the answers. A node that does not answer within the timeout, or answers anything but {@link Holders}, is
 * named as unreachable. Thread-safe.
 */
final class SubscriberQuery {

    private static final Logger LOG = LoggerFactory.getLogger(LocalDrmAdmin.LOGGER);
    private static final long GRACE_MILLIS = 1000;

    private final SyncRequests sync;
    private final AtomicLong requestIds;

    SubscriberQuery(SyncRequests sync, long firstRequestId) {
        this.sync = sync;
        this.requestIds = new AtomicLong(firstRequestId);
    }

    Subscribers query(List<NodeRow> live, String instanceId, String key, Duration timeout) {
        Map<NodeRow, CompletableFuture<DrmMessage>> asked = new LinkedHashMap<>();
        for (NodeRow node : live) {
            asked.put(node, sync.request(node.host(), node.syncPort(),
                    new HoldersQuery(requestIds.incrementAndGet(), instanceId, key), timeout));
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout.toMillis() + GRACE_MILLIS);
        List<Subscribers.Subscriber> subscribers = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        for (Map.Entry<NodeRow, CompletableFuture<DrmMessage>> e : asked.entrySet()) {
            NodeRow node = e.getKey();
            String failure;
            try {
                DrmMessage answer = e.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (answer instanceof Holders holders) {
                    String nodeId = holders.nodeId() == null || holders.nodeId().isEmpty() ? node.nodeId()
                            : holders.nodeId();
                    for (Holders.Holder h : holders.holders()) {
                        subscribers.add(new Subscribers.Subscriber(h.clientIp(), h.zone(), h.appName(), h.version(),
                                nodeId, h.connectedAtMillis(), h.lastHeartbeatMillis()));
                    }
                    continue;
                }
                failure = "answered " + answer.getClass().getSimpleName() + " instead of holders";
            } catch (ExecutionException x) {
                failure = Announcer.describe(x.getCause());
            } catch (TimeoutException x) {
                failure = "no answer within " + timeout.toMillis() + " ms";
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                failure = "interrupted";
            }
            e.getValue().cancel(false);
            LOG.warn("drmdata node {} did not list the subscribers of {} {}: {}", node.nodeId(), instanceId, key,
                    failure);
            unreachable.add(node.nodeId());
        }
        subscribers.sort(Comparator.comparing((Subscribers.Subscriber s) -> String.valueOf(s.clientIp()))
                .thenComparing(Subscribers.Subscriber::drmdataNode));
        return new Subscribers(subscribers, unreachable);
    }
}
