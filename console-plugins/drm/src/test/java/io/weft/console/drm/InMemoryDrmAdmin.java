package io.weft.console.drm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.weft.api.drm.DrmAdmin;
import io.weft.api.drm.DrmAttribute;
import io.weft.api.drm.DrmException;
import io.weft.api.drm.DrmException.Reason;
import io.weft.api.drm.DrmNode;
import io.weft.api.drm.GrayRelease;
import io.weft.api.drm.GrayTargets;
import io.weft.api.drm.Page;
import io.weft.api.drm.PushRecord;
import io.weft.api.drm.PushRecord.Kind;
import io.weft.api.drm.PushResult;
import io.weft.api.drm.Subscribers;

/**
 * A DrmAdmin kept in memory, for the page's tests: versions, gray releases and history behave as the
 * interface describes; subscribers, nodes and what an announcement reached are whatever a test sets.
 * Every change advances a fake clock by one second, so times on the page are predictable.
 */
class InMemoryDrmAdmin implements DrmAdmin {

    static final Instant START = Instant.parse("2026-11-22T10:00:00Z");
    static final int MAX_VALUE_CHARS = 1000;

    private final Map<String, TreeMap<String, Entry>> instances = new TreeMap<>();
    private final Map<String, Subscribers> subscribers = new HashMap<>();
    private Instant now = START;

    List<DrmNode> nodes = List.of();
    PushResult announcement = new PushResult(0, "10.0.0.1:9880", 3, 0);
    /** Thrown by every call while set (the database is down). */
    DrmException failure;
    /** The offset and limit of the last attributes() call. */
    int lastOffset = -1;
    int lastLimit = -1;

    private static final class Entry {
        final String instance;
        final String key;
        String value;
        long version;
        String updatedBy = "";
        Instant updatedAt;
        GrayRelease gray;
        long lastVersion;
        final List<PushRecord> history = new ArrayList<>();

        Entry(String instance, String key) {
            this.instance = instance;
            this.key = key;
        }

        DrmAttribute snapshot() {
            return new DrmAttribute(instance, key, value, version, updatedBy, updatedAt, gray);
        }
    }

    void setSubscribers(String instance, String key, Subscribers subs) {
        subscribers.put(instance + "\n" + key, subs);
    }

    @Override
    public synchronized List<String> instances() {
        check();
        return List.copyOf(instances.keySet());
    }

    @Override
    public synchronized Page<DrmAttribute> attributes(String instanceId, String search, int offset, int limit) {
        check();
        lastOffset = offset;
        lastLimit = limit;
        String needle = search.toLowerCase(Locale.ROOT);
        List<DrmAttribute> matching = instances.getOrDefault(instanceId, new TreeMap<>()).values().stream()
                .filter(e -> e.key.toLowerCase(Locale.ROOT).contains(needle)).map(Entry::snapshot).toList();
        int from = Math.min(offset, matching.size());
        return new Page<>(matching.subList(from, Math.min(matching.size(), from + limit)), offset, matching.size());
    }

    @Override
    public synchronized Optional<DrmAttribute> attribute(String instanceId, String key) {
        check();
        return Optional.ofNullable(find(instanceId, key)).map(Entry::snapshot);
    }

    @Override
    public synchronized DrmAttribute declare(String instanceId, String key, String operator) {
        check();
        if (instanceId.isBlank() || key.indexOf(':') <= 0 || key.endsWith(":")) {
            throw new DrmException(Reason.INVALID, "Invalid key '" + key + "': expected resourceId:attribute");
        }
        return instances.computeIfAbsent(instanceId, i -> new TreeMap<>()).computeIfAbsent(key,
                k -> new Entry(instanceId, k)).snapshot();
    }

    @Override
    public synchronized PushResult push(String instanceId, String key, String value, String operator) {
        Entry e = existing(instanceId, key);
        noGray(e);
        valid(value);
        return common(e, value, Kind.PUSH, operator, "");
    }

    @Override
    public synchronized PushResult pushGray(String instanceId, String key, String value, GrayTargets targets,
            String operator) {
        Entry e = existing(instanceId, key);
        noGray(e);
        valid(value);
        long version = ++e.lastVersion;
        Instant at = tick();
        e.gray = new GrayRelease(value, version, targets, operator, at);
        e.history.add(0, new PushRecord(version, value, Kind.GRAY, operator, at,
                "ips " + targets.clientIps().stream().sorted().toList() + " zones "
                        + targets.zones().stream().sorted().toList()));
        return result(version);
    }

    @Override
    public synchronized PushResult promoteGray(String instanceId, String key, String operator) {
        Entry e = existing(instanceId, key);
        GrayRelease gray = openGray(e);
        e.gray = null;
        return common(e, gray.value(), Kind.PROMOTE, operator, "gray version " + gray.version());
    }

    @Override
    public synchronized PushResult abandonGray(String instanceId, String key, String operator) {
        Entry e = existing(instanceId, key);
        GrayRelease gray = openGray(e);
        e.gray = null;
        return common(e, e.value, Kind.ABANDON, operator, "gray version " + gray.version() + " abandoned");
    }

    @Override
    public synchronized PushResult rollback(String instanceId, String key, long toVersion, String operator) {
        Entry e = existing(instanceId, key);
        noGray(e);
        PushRecord earlier = e.history.stream().filter(r -> r.version() == toVersion).findFirst()
                .orElseThrow(() -> new DrmException(Reason.INVALID, "No version " + toVersion + " of " + key));
        return common(e, earlier.value(), Kind.ROLLBACK, operator, "to version " + toVersion);
    }

    @Override
    public synchronized List<PushRecord> history(String instanceId, String key, int limit) {
        Entry e = existing(instanceId, key);
        return List.copyOf(e.history.subList(0, Math.min(limit, e.history.size())));
    }

    @Override
    public synchronized Subscribers subscribers(String instanceId, String key) {
        existing(instanceId, key);
        return subscribers.getOrDefault(instanceId + "\n" + key, new Subscribers(List.of(), List.of()));
    }

    @Override
    public synchronized List<DrmNode> nodes() {
        check();
        return nodes;
    }

    private PushResult common(Entry e, String value, Kind kind, String operator, String note) {
        long version = ++e.lastVersion;
        Instant at = tick();
        e.value = value;
        e.version = version;
        e.updatedBy = operator;
        e.updatedAt = at;
        e.history.add(0, new PushRecord(version, value, kind, operator, at, note));
        return result(version);
    }

    private PushResult result(long version) {
        return new PushResult(version, announcement.notifiedNode(), announcement.notifiedClients(),
                announcement.relayFailures());
    }

    private Entry existing(String instanceId, String key) {
        check();
        Entry e = find(instanceId, key);
        if (e == null) {
            throw new DrmException(Reason.UNKNOWN_ATTRIBUTE, "No attribute " + key + " in instance " + instanceId);
        }
        return e;
    }

    private Entry find(String instanceId, String key) {
        TreeMap<String, Entry> keys = instances.get(instanceId);
        return keys == null ? null : keys.get(key);
    }

    private static void noGray(Entry e) {
        if (e.gray != null) {
            throw new DrmException(Reason.CONFLICT, "A gray release (version " + e.gray.version() + ") is open on "
                    + e.key + ": promote or abandon it first");
        }
    }

    private static GrayRelease openGray(Entry e) {
        if (e.gray == null) {
            throw new DrmException(Reason.CONFLICT, "No gray release is open on " + e.key);
        }
        return e.gray;
    }

    private static void valid(String value) {
        if (value.length() > MAX_VALUE_CHARS) {
            throw new DrmException(Reason.INVALID, "Value too large: " + value.length() + " characters, at most "
                    + MAX_VALUE_CHARS);
        }
    }

    private void check() {
        if (failure != null) {
            throw failure;
        }
    }

    private Instant tick() {
        now = now.plusSeconds(1);
        return now;
    }
}
