package io.weft.registry.session.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The datums of a single node, in memory: what a standalone node (one session server, no data servers)
 * legitimately uses. It is not a stand-in for a cluster: there the data servers hold the datums, sharded
 * and replicated (REG-4, REG-29), and a {@link SessionData} that talks to them replaces this class. Nothing
 * here survives a restart, and nothing needs to: the clients replay every registration when they reconnect
 * (RCP-14), and versions are time-based ({@link DatumVersions}), so they keep rising across restarts.
 *
 * <p>Thread-safe: one lock guards the datums; listeners are called after it is released.
 */
public final class LocalSessionData implements SessionData {

    private final DatumVersions versions;
    private final Map<DataInfoId, Entry> datums = new HashMap<>();
    private final List<DatumListener> listeners = new CopyOnWriteArrayList<>();

    public LocalSessionData(DatumVersions versions) {
        this.versions = versions;
    }

    @Override
    public void putPublication(DataInfoId id, Publication publication) {
        long version;
        synchronized (this) {
            Entry entry = entry(id);
            entry.publications.put(publication.registId(), publication);
            version = entry.bump();
        }
        notifyChanged(id, version);
    }

    @Override
    public void removePublication(DataInfoId id, String registId) {
        long version;
        synchronized (this) {
            Entry entry = datums.get(id);
            if (entry == null || entry.publications.remove(registId) == null) {
                return;
            }
            version = entry.bump();
        }
        notifyChanged(id, version);
    }

    @Override
    public void removeConnection(String connectionId) {
        Map<DataInfoId, Long> changed = new LinkedHashMap<>();
        synchronized (this) {
            for (Map.Entry<DataInfoId, Entry> datum : datums.entrySet()) {
                Entry entry = datum.getValue();
                if (entry.publications.values().removeIf(p -> p.connectionId().equals(connectionId))) {
                    changed.put(datum.getKey(), entry.bump());
                }
            }
        }
        changed.forEach(this::notifyChanged);
    }

    /** Always there: the datums are this node's own. */
    @Override
    public Optional<Datum> current(DataInfoId id) {
        return Optional.of(datum(id));
    }

    /** The current datum; one nobody published is empty, with a version. */
    public synchronized Datum datum(DataInfoId id) {
        Entry entry = entry(id);
        return new Datum(id, entry.version, new ArrayList<>(entry.publications.values()));
    }

    @Override
    public AutoCloseable listen(DatumListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** How many publications this node holds, over all datums. */
    public synchronized int publicationCount() {
        return datums.values().stream().mapToInt(e -> e.publications.size()).sum();
    }

    private Entry entry(DataInfoId id) {
        return datums.computeIfAbsent(id, key -> new Entry(versions.next()));
    }

    private void notifyChanged(DataInfoId id, long version) {
        for (DatumListener listener : listeners) {
            listener.changed(id, version);
        }
    }

    /** Guarded by the outer instance's lock. */
    private final class Entry {
        private final Map<String, Publication> publications = new LinkedHashMap<>();
        private long version;

        Entry(long version) {
            this.version = version;
        }

        long bump() {
            version = versions.next();
            return version;
        }
    }
}
