package io.weft.drm.server.heartbeat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.drm.protocol.Heartbeat;
import io.weft.drm.protocol.HeartbeatAck;
import io.weft.drm.protocol.Subscription;
import io.weft.drm.protocol.VersionNotice;
import io.weft.drm.server.cache.AttributeCache;
import io.weft.drm.server.cache.CachedAttribute;
import io.weft.drm.server.connection.ClientSession;
import io.weft.drm.server.monitor.DrmMetrics;

/**
 * A client's heartbeat (DRM-10, DRM-11): compares the versions it holds with the current ones, answers
 * the lagging ones with a fresh pull token, and writes one line of {@code drmdata-heartbeat.log} (DRM-18):
 * {@code Y|N;{ms}ms;zone;instanceId;clientIp;items;lagging;tcp}. Thread-safe.
 */
public final class HeartbeatChecker {

    private static final Logger HEARTBEAT_LOG = LoggerFactory.getLogger("drmdata.heartbeat");

    private final AttributeCache cache;
    private final DrmMetrics metrics;
    private final Clock clock;
    /** instanceId → a fresh pull token for it. */
    private final Function<String, String> pullTokens;

    public HeartbeatChecker(AttributeCache cache, DrmMetrics metrics, Clock clock, Function<String, String> pullTokens) {
        this.cache = cache;
        this.metrics = metrics;
        this.clock = clock;
        this.pullTokens = pullTokens;
    }

    /**
     * Checks one heartbeat. Keys the client never subscribed are ignored (not counted as lagging);
     * the versions reported become what the session holds.
     *
     * @throws io.weft.api.drm.DrmException UNAVAILABLE when an attribute had to be read and the store failed
     */
    public HeartbeatAck check(ClientSession session, Heartbeat heartbeat) {
        long start = System.nanoTime();
        session.heartbeatAt(clock.millis());
        List<String> keys = new ArrayList<>(heartbeat.holdings().size());
        for (Subscription s : heartbeat.holdings()) {
            if (session.subscribes(s.key())) {
                session.reported(s.key(), s.version());
                keys.add(s.key());
            }
        }
        Map<String, CachedAttribute> current = cache.getAll(session.instanceId(), keys);
        List<VersionNotice> lagging = new ArrayList<>();
        for (Subscription s : heartbeat.holdings()) {
            CachedAttribute c = current.get(s.key());
            if (c == null) {
                continue;
            }
            long version = c.versionFor(session.clientIp(), session.zone());
            if (version > s.version()) {
                lagging.add(new VersionNotice(s.key(), version));
            }
        }
        metrics.heartbeat();
        long millis = (System.nanoTime() - start) / 1_000_000;
        HEARTBEAT_LOG.info("{};{}ms;{};{};{};{};{};tcp", lagging.isEmpty() ? "Y" : "N", millis, session.zone(),
                session.instanceId(), session.clientIp(), heartbeat.holdings().size(), lagging.size());
        return new HeartbeatAck(heartbeat.requestId(), lagging, pullTokens.apply(session.instanceId()));
    }
}
