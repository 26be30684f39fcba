package io.weft.drm.server.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.weft.api.drm.DrmException;
import io.weft.drm.server.store.DrmStore;
import io.weft.drm.server.store.NodeRow;
import io.weft.drm.server.store.StoredAttribute;

/**
 * An in-memory {@link DrmStore} for tests only: attributes with versions and a change sequence, node
 * rows, a cluster secret; {@link #failing(boolean)} makes every call throw as a database outage does.
 */
public final class FakeDrmStore implements DrmStore {

    private final Map<String, StoredAttribute> rows = new ConcurrentHashMap<>();
    private final Map<String, NodeRow> nodes = new ConcurrentHashMap<>();
    private final byte[] secret = "0123456789abcdef0123456789abcdef".getBytes();
    private long sequence;
    private volatile boolean failing;

    public void failing(boolean f) {
        failing = f;
    }

    /** A push: the next version of the common value. */
    public synchronized StoredAttribute push(String instanceId, String key, String value) {
        StoredAttribute old = rows.get(id(instanceId, key));
        long version = old == null ? 1 : Math.max(old.version(), old.grayVersion()) + 1;
        return put(new StoredAttribute(instanceId, key, value, version, null, 0, Set.of(), Set.of(), ++sequence));
    }

    /** A gray release to client IPs and zones. */
    public synchronized StoredAttribute pushGray(String instanceId, String key, String value, Set<String> ips,
            Set<String> zones) {
        StoredAttribute old = rows.get(id(instanceId, key));
        long version = Math.max(old.version(), old.grayVersion()) + 1;
        return put(new StoredAttribute(instanceId, key, old.value(), old.version(), value, version, ips, zones,
                ++sequence));
    }

    private StoredAttribute put(StoredAttribute s) {
        rows.put(id(s.instanceId(), s.key()), s);
        return s;
    }

    @Override
    public Optional<StoredAttribute> find(String instanceId, String key) {
        check();
        return Optional.ofNullable(rows.get(id(instanceId, key)));
    }

    @Override
    public Map<String, StoredAttribute> findAll(String instanceId, Collection<String> keys) {
        check();
        Map<String, StoredAttribute> m = new HashMap<>();
        for (String k : keys) {
            StoredAttribute s = rows.get(id(instanceId, k));
            if (s != null) {
                m.put(k, s);
            }
        }
        return m;
    }

    @Override
    public synchronized void declare(String instanceId, Collection<String> keys) {
        check();
        for (String k : keys) {
            rows.computeIfAbsent(id(instanceId, k),
                    x -> new StoredAttribute(instanceId, k, null, 0, null, 0, Set.of(), Set.of(), ++sequence));
        }
    }

    @Override
    public synchronized List<StoredAttribute> changedSince(long afterSequence, int limit) {
        check();
        List<StoredAttribute> l = new ArrayList<>();
        rows.values().stream().filter(s -> s.sequence() > afterSequence)
                .sorted(Comparator.comparingLong(StoredAttribute::sequence)).limit(limit).forEach(l::add);
        return l;
    }

    @Override
    public synchronized long lastSequence() {
        check();
        return sequence;
    }

    @Override
    public byte[] clusterSecret() {
        check();
        return secret.clone();
    }

    @Override
    public void heartbeatNode(NodeRow node) {
        check();
        nodes.put(node.nodeId(), node);
    }

    @Override
    public List<NodeRow> nodes() {
        check();
        return List.copyOf(nodes.values());
    }

    @Override
    public void removeNode(String nodeId) {
        check();
        nodes.remove(nodeId);
    }

    private void check() {
        if (failing) {
            throw new DrmException(DrmException.Reason.UNAVAILABLE, "database down (test)");
        }
    }

    private static String id(String instanceId, String key) {
        return instanceId + "\u0000" + key;
    }
}
