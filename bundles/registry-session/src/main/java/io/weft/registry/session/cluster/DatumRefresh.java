package io.weft.registry.session.cluster;

import io.weft.registry.session.data.DataInfoId;
import io.weft.registry.session.data.Datum;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link DatumCache} current (REG-37, decision record 0021): a data server's change notice of a wanted
 * datum, newer than the one cached, reads it again; so does the periodic version check, which repairs a lost
 * notice or a read that failed. A datum read newer than the cached one replaces it and the listeners (the
 * pushers) are told. At most one read per datum runs at a time; a notice during a read reads once more after it.
 *
 * <p>Thread-safe; reads run on {@code reads}.
 */
public final class DatumRefresh {

    private static final Logger LOG = LoggerFactory.getLogger("registry.session");

    private final DatumCache cache;
    private final DatumReader reader;
    private final Supplier<SlotRouting> routing;
    private final Executor reads;
    private final DatumListeners listeners;
    /** Per datum being read: whether it must be read once more afterwards. */
    private final ConcurrentHashMap<String, Boolean> reading = new ConcurrentHashMap<>();

    public DatumRefresh(DatumCache cache, DatumReader reader, Supplier<SlotRouting> routing, Executor reads,
            DatumListeners listeners) {
        this.cache = cache;
        this.reader = reader;
        this.routing = routing;
        this.reads = reads;
        this.listeners = listeners;
    }

    /** A data server says {@code dataInfoId} is now at {@code version} (on Bolt's thread: only hands work on). */
    public void noticed(String dataInfoId, long version) {
        DataInfoId id = cache.wanted(dataInfoId);
        if (id != null && version > cache.version(dataInfoId)) {
            refresh(id);
        }
    }

    /** Reads {@code id} again from its slot leader. */
    public void refresh(DataInfoId id) {
        String key = id.toString();
        Boolean state = reading.compute(key, (k, running) -> running == null ? Boolean.FALSE : Boolean.TRUE);
        if (state) {
            return; // a read is running: it reads once more when done
        }
        try {
            reads.execute(() -> readUntilCurrent(id));
        } catch (RejectedExecutionException stopped) {
            reading.remove(key);
        }
    }

    private void readUntilCurrent(DataInfoId id) {
        String key = id.toString();
        boolean again;
        do {
            Optional<Datum> read = reader.read(id);
            if (read.isPresent() && cache.offer(read.get())) {
                listeners.changed(read.get());
            }
            again = reading.compute(key, (k, more) -> Boolean.TRUE.equals(more) ? Boolean.FALSE : null) != null;
        } while (again);
    }

    /**
     * The version check of one renewal (decision record 0021): forgets the datums no subscriber wants, asks each
     * slot leader the versions of the wanted datums it leads, and reads again every one that is newer there or was
     * never read.
     */
    public void checkVersions(Supplier<? extends Collection<DataInfoId>> subscribed) {
        long mark = cache.mark();
        cache.retain(subscribed.get(), mark);
        SlotRouting table = routing.get();
        if (table == null) {
            return;
        }
        Map<String, List<String>> byLeader = new HashMap<>();
        for (DataInfoId id : cache.wantedIds()) {
            String key = id.toString();
            if (cache.version(key) < 0) {
                refresh(id);
                continue;
            }
            String leader = table.leaderOf(key);
            if (leader != null) {
                byLeader.computeIfAbsent(leader, l -> new ArrayList<>()).add(key);
            }
        }
        byLeader.forEach((leader, ids) -> {
            try {
                reads.execute(() -> checkAt(leader, ids));
            } catch (RejectedExecutionException stopped) {
                // The session is closing.
            }
        });
    }

    private void checkAt(String leader, List<String> ids) {
        Map<String, Long> versions;
        try {
            versions = reader.versions(leader, ids);
        } catch (CallFailedException e) {
            LOG.warn("[cluster] version check of {} datums at data server {} failed: {}", ids.size(), leader,
                    e.getMessage());
            return;
        }
        versions.forEach((dataInfoId, version) -> {
            if (version != null) {
                noticed(dataInfoId, version);
            }
        });
    }
}
