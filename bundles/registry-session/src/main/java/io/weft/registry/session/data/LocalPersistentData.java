package io.weft.registry.session.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * {@link PersistentData} in memory, for a node without meta servers, which will own this data (Raft log
 * and snapshots, ARCHITECTURE §4). Lost on restart. Thread-safe; listeners are called outside the lock.
 */
public final class LocalPersistentData implements PersistentData {

    private final Map<DataInfoId, PersistentDatum> values = new HashMap<>();
    private final List<Consumer<PersistentDatum>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public boolean put(String dataId, String group, String instanceId, long version, String data) {
        DataInfoId id = new DataInfoId(dataId, instanceId, group);
        PersistentDatum written = new PersistentDatum(id, data, version);
        synchronized (this) {
            PersistentDatum held = values.get(id);
            if (held != null && held.version() >= version) {
                return false;
            }
            values.put(id, written);
        }
        listeners.forEach(listener -> listener.accept(written));
        return true;
    }

    @Override
    public boolean remove(String dataId, String group, String instanceId) {
        DataInfoId id = new DataInfoId(dataId, instanceId, group);
        PersistentDatum removed;
        synchronized (this) {
            PersistentDatum held = values.get(id);
            if (held == null || held.data() == null) {
                return false;
            }
            removed = new PersistentDatum(id, null, held.version() + 1);
            values.put(id, removed);
        }
        listeners.forEach(listener -> listener.accept(removed));
        return true;
    }

    @Override
    public synchronized Optional<PersistentDatum> get(DataInfoId id) {
        return Optional.ofNullable(values.get(id));
    }

    @Override
    public AutoCloseable listen(Consumer<PersistentDatum> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
