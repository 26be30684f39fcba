package io.weft.drm.server.cache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.weft.drm.server.store.DrmStore;
import io.weft.drm.server.store.StoredAttribute;

/**
 * The attributes this node's clients use, in memory: filled lazily from the store when a client
 * registers, refreshed when a {@code Publish} names a key and by the catch-up task. The pull interface
 * and heartbeat checks read it without touching the database.
 *
 * <p>Thread-safe. A row replaces the cached one only when its change sequence is not older, so a late
 * reader never puts back an older version.
 */
public final class AttributeCache {

    private final DrmStore store;
    private final Map<AttributeId, CachedAttribute> entries = new ConcurrentHashMap<>();

    public AttributeCache(DrmStore store) {
        this.store = store;
    }

    /** The cached attribute, without reading the store. */
    public Optional<CachedAttribute> peek(String instanceId, String key) {
        return Optional.ofNullable(entries.get(new AttributeId(instanceId, key)));
    }

    /**
     * The attributes among {@code keys}, reading the ones not cached in one query. Keys not stored at all
     * are absent from the answer.
     *
     * @throws io.weft.api.drm.DrmException UNAVAILABLE when the store must be read and cannot be
     */
    public Map<String, CachedAttribute> getAll(String instanceId, Collection<String> keys) {
        Map<String, CachedAttribute> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            CachedAttribute c = entries.get(new AttributeId(instanceId, key));
            if (c != null) {
                found.put(key, c);
            } else {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            for (StoredAttribute s : store.findAll(instanceId, missing).values()) {
                found.put(s.key(), put(s));
            }
        }
        return found;
    }

    /**
     * Re-reads one attribute from the store (a publish named it, or a pull asked for a newer version).
     *
     * @return the attribute as now cached, empty when the store does not have it
     */
    public Optional<CachedAttribute> refresh(String instanceId, String key) {
        Optional<StoredAttribute> s = store.find(instanceId, key);
        if (s.isEmpty()) {
            entries.remove(new AttributeId(instanceId, key));
            return Optional.empty();
        }
        return Optional.of(put(s.get()));
    }

    /**
     * Applies a row read by the catch-up task, but only for an attribute already cached (one this node's
     * clients use); other attributes are left to be read when a client asks.
     *
     * @return the newly cached attribute when the row was newer than the cached one
     */
    public Optional<CachedAttribute> applyIfCached(StoredAttribute s) {
        AttributeId id = new AttributeId(s.instanceId(), s.key());
        CachedAttribute before = entries.get(id);
        if (before == null || before.stored().sequence() >= s.sequence()) {
            return Optional.empty();
        }
        CachedAttribute after = put(s);
        return after == before ? Optional.empty() : Optional.of(after);
    }

    /** Number of cached attributes. */
    public int size() {
        return entries.size();
    }

    private CachedAttribute put(StoredAttribute s) {
        CachedAttribute fresh = new CachedAttribute(s);
        return entries.merge(new AttributeId(s.instanceId(), s.key()), fresh,
                (old, neu) -> neu.stored().sequence() >= old.stored().sequence() ? neu : old);
    }
}
