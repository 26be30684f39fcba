package io.weft.drm.server.connection;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.weft.drm.server.cache.AttributeId;

/**
 * The registered sessions of this node and, per attribute, the sessions listening to it, so a push
 * finds its clients without scanning every connection. Thread-safe.
 */
public final class SessionRegistry {

    private final Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<AttributeId, Set<ClientSession>> byAttribute = new ConcurrentHashMap<>();

    public void add(ClientSession session) {
        sessions.add(session);
    }

    /** Indexes the session under the keys it now listens to (the session already holds them). */
    public void index(ClientSession session, Collection<String> keys) {
        for (String key : keys) {
            byAttribute.computeIfAbsent(new AttributeId(session.instanceId(), key), k -> ConcurrentHashMap.newKeySet())
                    .add(session);
        }
    }

    public void remove(ClientSession session) {
        if (!sessions.remove(session)) {
            return;
        }
        for (String key : session.keys()) {
            AttributeId id = new AttributeId(session.instanceId(), key);
            byAttribute.computeIfPresent(id, (k, set) -> {
                set.remove(session);
                return set.isEmpty() ? null : set;
            });
        }
    }

    /** The sessions listening to the attribute. */
    public Collection<ClientSession> subscribers(String instanceId, String key) {
        Set<ClientSession> s = byAttribute.get(new AttributeId(instanceId, key));
        return s == null ? List.of() : List.copyOf(s);
    }

    public Collection<ClientSession> all() {
        return List.copyOf(sessions);
    }

    public int size() {
        return sessions.size();
    }
}
