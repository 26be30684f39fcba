package io.weft.registry.session.register;

import io.weft.registry.session.data.DataInfoId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One kind of registration, by registId, with indexes by datum and by connection: the push thread asks for a
 * datum's subscribers at every change, and a closing connection for its own registrations, so neither may cost a
 * walk over every registration of the session (tens of thousands) while holding the lock the client requests
 * need. Thread-safe (one lock per table).
 *
 * @param <R> the kind
 */
public final class RegistrationTable<R extends Registration> {

    private final Map<String, R> byRegistId = new HashMap<>();
    private final Map<DataInfoId, Map<String, R>> byDatum = new HashMap<>();
    private final Map<String, Map<String, R>> byConnection = new HashMap<>();

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
        if (held != null) {
            unindex(held);
        }
        byRegistId.put(registration.registId(), registration);
        index(registration);
        return held == null ? registration : held;
    }

    public synchronized R remove(String registId) {
        R removed = byRegistId.remove(registId);
        if (removed != null) {
            unindex(removed);
        }
        return removed;
    }

    public synchronized R get(String registId) {
        return byRegistId.get(registId);
    }

    /** Takes away everything registered over the connection; returns it. */
    public synchronized List<R> removeConnection(String connectionId) {
        Map<String, R> held = byConnection.remove(connectionId);
        if (held == null) {
            return new ArrayList<>();
        }
        List<R> removed = new ArrayList<>(held.values());
        for (R r : removed) {
            byRegistId.remove(r.registId());
            Map<String, R> ofDatum = byDatum.get(r.id());
            if (ofDatum != null && ofDatum.remove(r.registId()) != null && ofDatum.isEmpty()) {
                byDatum.remove(r.id());
            }
        }
        return removed;
    }

    /** The registrations of one datum, in the order they were first registered. */
    public synchronized List<R> of(DataInfoId id) {
        Map<String, R> held = byDatum.get(id);
        return held == null ? new ArrayList<>() : new ArrayList<>(held.values());
    }

    public synchronized List<R> all() {
        return new ArrayList<>(byRegistId.values());
    }

    public synchronized int size() {
        return byRegistId.size();
    }

    private void index(R r) {
        byDatum.computeIfAbsent(r.id(), k -> new LinkedHashMap<>()).put(r.registId(), r);
        byConnection.computeIfAbsent(r.connectionId(), k -> new HashMap<>()).put(r.registId(), r);
    }

    private void unindex(R r) {
        Map<String, R> ofDatum = byDatum.get(r.id());
        if (ofDatum != null && ofDatum.remove(r.registId()) != null && ofDatum.isEmpty()) {
            byDatum.remove(r.id());
        }
        Map<String, R> ofConnection = byConnection.get(r.connectionId());
        if (ofConnection != null && ofConnection.remove(r.registId()) != null && ofConnection.isEmpty()) {
            byConnection.remove(r.connectionId());
        }
    }
}
