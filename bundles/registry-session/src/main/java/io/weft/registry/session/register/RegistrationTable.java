package io.weft.registry.session.register;

import io.weft.registry.session.data.DataInfoId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One kind of registration, by registId. Thread-safe (one lock per table).
 *
 * @param <R> the kind
 */
public final class RegistrationTable<R extends Registration> {

    private final Map<String, R> byRegistId = new HashMap<>();

    /**
     * Holds {@code registration} unless the same registId is held from the same connection with an equal or
     * higher version: a lower or equal version is a repeat or a late arrival (RCP-7). The same registId from
     * another connection is the client after a reconnect (RCP-14), and always taken, so that the old
     * connection's close does not take it away.
     *
     * @return the registration replaced (possibly of another datum), {@code registration} itself if it was
     *         new, or null if it was ignored
     */
    public synchronized R put(R registration) {
        R held = byRegistId.get(registration.registId());
        if (held != null && held.connectionId().equals(registration.connectionId())
                && held.version() >= registration.version()) {
            return null;
        }
        byRegistId.put(registration.registId(), registration);
        return held == null ? registration : held;
    }

    public synchronized R remove(String registId) {
        return byRegistId.remove(registId);
    }

    public synchronized R get(String registId) {
        return byRegistId.get(registId);
    }

    /** Removes and returns every registration of the connection. */
    public synchronized List<R> removeConnection(String connectionId) {
        List<R> removed = new ArrayList<>();
        byRegistId.values().removeIf(r -> {
            if (r.connectionId().equals(connectionId)) {
                removed.add(r);
                return true;
            }
            return false;
        });
        return removed;
    }

    public synchronized List<R> of(DataInfoId id) {
        List<R> matching = new ArrayList<>();
        for (R r : byRegistId.values()) {
            if (r.id().equals(id)) {
                matching.add(r);
            }
        }
        return matching;
    }

    public synchronized List<R> all() {
        return new ArrayList<>(byRegistId.values());
    }

    public synchronized int size() {
        return byRegistId.size();
    }
}
