package io.weft.drm.server.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.api.drm.DrmAdmin;
import io.weft.api.drm.DrmAttribute;
import io.weft.api.drm.DrmException;
import io.weft.api.drm.DrmNode;
import io.weft.api.drm.GrayRelease;
import io.weft.api.drm.GrayTargets;
import io.weft.api.drm.Page;
import io.weft.api.drm.PushRecord;
import io.weft.api.drm.PushResult;
import io.weft.api.drm.Subscribers;
import io.weft.drm.protocol.GrayTarget;
import io.weft.drm.server.store.AttributeChange;
import io.weft.drm.server.store.AttributeRow;
import io.weft.drm.server.store.JdbcDrmStore;
import io.weft.drm.server.store.NodeRow;
import io.weft.drm.server.store.StoredAttribute;
import io.weft.drm.server.store.Written;

/**
 * {@link DrmAdmin} on the shared database: checks the input, writes through {@link JdbcDrmStore} (version,
 * history, who and when, in one transaction), then announces the new version to one live drmdata node
 * (DRM-6). The write stands whatever the announcement reaches: nodes that miss it catch up from the
 * database. Free of OSGi, so it is tested with plain JUnit. Thread-safe.
 */
public final class LocalDrmAdmin implements DrmAdmin {

    /** The logger of every console write (the lead maps it to the console's DRM audit file). */
    public static final String LOGGER = "io.weft.drm.server.admin";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final JdbcDrmStore store;
    private final Announcer announcer;
    private final SubscriberQuery subscriberQuery;
    private final Clock clock;
    private volatile AdminSettings settings;

    public LocalDrmAdmin(JdbcDrmStore store, SyncRequests sync, String origin, AdminSettings settings, Clock clock,
            Random random) {
        this.store = store;
        this.announcer = new Announcer(sync, origin, random);
        this.subscriberQuery = new SubscriberQuery(sync, random.nextInt(Integer.MAX_VALUE));
        this.settings = settings;
        this.clock = clock;
    }

    /** New tunables, for the calls that start from now on. */
    void configure(AdminSettings newSettings) {
        this.settings = newSettings;
    }

    @Override
    public List<String> instances() {
        return store.instances();
    }

    @Override
    public Page<DrmAttribute> attributes(String instanceId, String search, int offset, int limit) {
        String instance = AdminInput.instanceId(instanceId);
        AdminInput.page(offset, limit);
        Page<AttributeRow> rows = store.page(instance, search, offset, limit);
        return new Page<>(rows.items().stream().map(LocalDrmAdmin::view).toList(), rows.offset(), rows.total());
    }

    @Override
    public Optional<DrmAttribute> attribute(String instanceId, String key) {
        return store.row(AdminInput.instanceId(instanceId), AdminInput.key(key)).map(LocalDrmAdmin::view);
    }

    @Override
    public DrmAttribute declare(String instanceId, String key, String operator) {
        String instance = AdminInput.instanceId(instanceId);
        String k = AdminInput.key(key);
        String op = AdminInput.operator(operator);
        boolean existed = store.row(instance, k).isPresent();
        store.declare(instance, List.of(k));
        if (!existed) {
            LOG.info("DECLARE by {}: instance {} key {}", PushLog.printable(op), instance, k);
        }
        return store.row(instance, k).map(LocalDrmAdmin::view).orElseThrow(() -> new DrmException(
                DrmException.Reason.UNAVAILABLE, "attribute " + k + " of " + instance + " vanished after its declaration"));
    }

    @Override
    public PushResult push(String instanceId, String key, String value, String operator) {
        AdminSettings s = settings;
        String instance = AdminInput.instanceId(instanceId);
        String k = AdminInput.key(key);
        AdminInput.value(value, s.maxValueBytes());
        return write(s, instance, k, operator, new AttributeChange.Push(value), null);
    }

    @Override
    public PushResult pushGray(String instanceId, String key, String value, GrayTargets targets, String operator) {
        AdminSettings s = settings;
        String instance = AdminInput.instanceId(instanceId);
        String k = AdminInput.key(key);
        AdminInput.value(value, s.maxValueBytes());
        GrayTargets t = AdminInput.grayTargets(targets);
        return write(s, instance, k, operator, new AttributeChange.Gray(value, t.clientIps(), t.zones()),
                new GrayTarget(t.clientIps(), t.zones()));
    }

    @Override
    public PushResult promoteGray(String instanceId, String key, String operator) {
        return write(settings, AdminInput.instanceId(instanceId), AdminInput.key(key), operator,
                new AttributeChange.Promote(), null);
    }

    @Override
    public PushResult abandonGray(String instanceId, String key, String operator) {
        return write(settings, AdminInput.instanceId(instanceId), AdminInput.key(key), operator,
                new AttributeChange.Abandon(), null);
    }

    @Override
    public PushResult rollback(String instanceId, String key, long toVersion, String operator) {
        AdminInput.version(toVersion);
        return write(settings, AdminInput.instanceId(instanceId), AdminInput.key(key), operator,
                new AttributeChange.Rollback(toVersion), null);
    }

    @Override
    public List<PushRecord> history(String instanceId, String key, int limit) {
        AdminInput.limit(limit);
        return store.history(AdminInput.instanceId(instanceId), AdminInput.key(key), limit);
    }

    @Override
    public Subscribers subscribers(String instanceId, String key) {
        AdminSettings s = settings;
        String instance = AdminInput.instanceId(instanceId);
        String k = AdminInput.key(key);
        if (store.row(instance, k).isEmpty()) {
            throw unknown(instance, k);
        }
        return subscriberQuery.query(liveNodes(s), instance, k, s.announceTimeout());
    }

    @Override
    public List<DrmNode> nodes() {
        return LiveNodes.view(store.nodes(), clock.millis(), settings.nodeLive());
    }

    /** Writes, logs, announces; the gray target goes into the announcement of a gray push only. */
    private PushResult write(AdminSettings s, String instance, String key, String operator, AttributeChange change,
            GrayTarget gray) {
        String op = AdminInput.operator(operator);
        Written written = store.write(instance, key, op, change);
        PushLog.written(instance, key, written);
        long version = written.record().version();
        List<NodeRow> live;
        try {
            live = liveNodes(s);
        } catch (DrmException e) {
            // The write is committed: a database that failed right after it only costs the announcement.
            LOG.warn("Stored {} {} version {}, but could not list the drmdata nodes to announce it: {}", instance, key,
                    version, e.getMessage());
            return new PushResult(version, "", 0, 0);
        }
        Announcement a = announcer.announce(live, s.dataCenter(), instance, key, version, gray, s.announceTimeout());
        PushLog.announced(instance, key, version, a);
        return new PushResult(version, a.nodeId(), a.notifiedClients(), a.relayFailures());
    }

    private List<NodeRow> liveNodes(AdminSettings s) {
        return LiveNodes.live(store.nodes(), clock.millis(), s.nodeLive());
    }

    static DrmException unknown(String instance, String key) {
        return new DrmException(DrmException.Reason.UNKNOWN_ATTRIBUTE, "No attribute " + key + " in instance "
                + instance);
    }

    static DrmAttribute view(AttributeRow row) {
        StoredAttribute a = row.attribute();
        GrayRelease gray = a.grayOpen()
                ? new GrayRelease(a.grayValue(), a.grayVersion(), new GrayTargets(a.grayIps(), a.grayZones()),
                        row.grayBy(), Instant.ofEpochMilli(row.grayAtMillis()))
                : null;
        return new DrmAttribute(a.instanceId(), a.key(), a.value(), a.version(), row.updatedBy(),
                row.updatedAtMillis() == 0 ? null : Instant.ofEpochMilli(row.updatedAtMillis()), gray);
    }
}
