package io.weft.registry.session.meta;

import io.weft.registry.protocol.PersistentEntry;
import io.weft.registry.session.data.DataInfoId;
import io.weft.registry.session.data.PersistentData;
import io.weft.registry.session.data.PersistentDatum;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' persistent data as the meta leader holds it (REG-48, REG-58, RCP-20): every view carries all of it,
 * and each entry with a higher version than the one held here, or one that disappeared, reaches the listeners (the
 * configurators' pusher). Operators write it on a meta server ({@code :9615/persistentData/put}); a session in a
 * cluster refuses writes of its own, which the next view would not know of.
 *
 * <p>Two versions per id: the meta's (what decides whether a view brings news) and the one pushed to watchers (what
 * the client compares: it keeps only a higher one, RCP-19). They differ after a removal: the meta forgets a removed
 * value, so the session tells its watchers with a version of its own one above the last pushed, and the operator's
 * next write, which the meta accepts whatever its version, must still reach them: it is pushed with at least one
 * above that (an operator writing "last + 1" after a remove would otherwise be answered success and never delivered).
 *
 * <p>Thread-safe; listeners are called outside the lock, on the heartbeat thread.
 */
public final class MetaPersistentData implements PersistentData {

    private static final Logger LOG = LoggerFactory.getLogger("registry.session");

    /** What watchers were last pushed, with the push version. */
    private final Map<DataInfoId, PersistentDatum> values = new HashMap<>();
    /** The meta's version of each value the meta holds now; absent once it forgot the value (removed). */
    private final Map<DataInfoId, Long> metaVersions = new HashMap<>();
    private final List<Consumer<PersistentDatum>> listeners = new CopyOnWriteArrayList<>();

    /** Takes the persistent data of one view from the meta leader: all of it. */
    public void apply(List<PersistentEntry> entries) {
        List<PersistentDatum> changed = new ArrayList<>();
        synchronized (this) {
            Set<DataInfoId> present = new HashSet<>();
            for (PersistentEntry entry : entries) {
                if (entry == null || entry.getDataId() == null || entry.getGroup() == null) {
                    continue;
                }
                DataInfoId id = new DataInfoId(entry.getDataId(), entry.getInstanceId(), entry.getGroup());
                present.add(id);
                PersistentDatum held = values.get(id);
                Long metaVersion = metaVersions.get(id);
                if (held == null || metaVersion == null || entry.getVersion() > metaVersion) {
                    long pushVersion = held == null ? entry.getVersion() : Math.max(entry.getVersion(), held.version() + 1);
                    PersistentDatum next = new PersistentDatum(id, entry.getData(), pushVersion);
                    values.put(id, next);
                    metaVersions.put(id, entry.getVersion());
                    changed.add(next);
                }
            }
            // A meta that forgets a removed value instead of sending it without data: its watchers still hear of it.
            for (PersistentDatum held : new ArrayList<>(values.values())) {
                if (!present.contains(held.id()) && held.data() != null) {
                    PersistentDatum removed = new PersistentDatum(held.id(), null, held.version() + 1);
                    values.put(held.id(), removed);
                    metaVersions.remove(held.id());
                    changed.add(removed);
                }
            }
        }
        for (PersistentDatum datum : changed) {
            LOG.info("[meta] persistent data {} version {} {}", datum.id(), datum.version(),
                    datum.data() == null ? "removed" : "written");
            listeners.forEach(listener -> listener.accept(datum));
        }
    }

    /** Refused: the meta servers own the persistent data in a cluster. */
    @Override
    public boolean put(String dataId, String group, String instanceId, long version, String data) {
        LOG.warn("[meta] persistent data {} not written here: in a cluster operators write it on a meta server",
                new DataInfoId(dataId, instanceId, group));
        return false;
    }

    /** Refused: the meta servers own the persistent data in a cluster. */
    @Override
    public boolean remove(String dataId, String group, String instanceId) {
        LOG.warn("[meta] persistent data {} not removed here: in a cluster operators remove it on a meta server",
                new DataInfoId(dataId, instanceId, group));
        return false;
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
