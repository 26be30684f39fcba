package io.weft.registry.session.cluster;

import io.weft.registry.session.data.DataInfoId;
import io.weft.registry.session.data.Datum;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * pushers) are told. At most one read per datum is on its way at a time; a notice meanwhile reads once more after
 * it. A datum asked for the first time ({@link #fetch}) is read here too, never on the asking thread; if it cannot
 * be read, its subscribers get an empty datum of version 0 (REG-28). At most one version check per data server is
 * on its way at a time, so a hung one does not collect them.
 *
 * <p>Reads are asynchronous ({@link DatumReader}): {@code reads} only sends them (Bolt opens a connection to a new
 * address on the sending thread), and no thread waits for an answer. Thread-safe.
 */
public final class DatumRefresh {

    private static final Logger LOG = LoggerFactory.getLogger("registry.session");

    private final DatumCache cache;
    private final DatumReader reader;
    private final Supplier<SlotRouting> routing;
    private final Executor reads;
    private final DatumListeners listeners;
    private final ClusterCounts counts;
    /** Per datum being read: whether it must be read once more afterwards. */
    private final ConcurrentHashMap<String, Boolean> reading = new ConcurrentHashMap<>();
    /** The data servers a version check is on its way to. */
    private final Set<String> checking = ConcurrentHashMap.newKeySet();

    public DatumRefresh(DatumCache cache, DatumReader reader, Supplier<SlotRouting> routing, Executor reads,
            DatumListeners listeners, ClusterCounts counts) {
        this.cache = cache;
        this.reader = reader;
        this.routing = routing;
        this.reads = reads;
        this.listeners = listeners;
        this.counts = counts;
    }

    /** Reads {@code id}, asked for the first time, unless a read of it is on its way already. */
    public void fetch(DataInfoId id) {
        if (reading.putIfAbsent(id.toString(), Boolean.FALSE) == null) {
            send(id);
        }
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
        Boolean state = reading.compute(id.toString(), (k, running) -> running == null ? Boolean.FALSE : Boolean.TRUE);
        if (!state) {
            send(id);
        } // else a read is on its way: it reads once more when answered
    }

    private void send(DataInfoId id) {
        try {
            reads.execute(() -> {
                try {
                    reader.read(id, read -> answered(id, read));
                } catch (RuntimeException e) {
                    // Unanswered, the datum would count as being read for good and never be read again.
                    LOG.error("[cluster] reading {} failed: {}", id, e.toString(), e);
                    answered(id, Optional.empty());
                }
            });
        } catch (RejectedExecutionException stopped) {
            reading.remove(id.toString());
        }
    }

    private void answered(DataInfoId id, Optional<Datum> read) {
        String key = id.toString();
        if (read.isPresent()) {
            offer(read.get());
        } else if (cache.version(key) < 0 && cache.wanted(key) != null) {
            // REG-28: its subscribers, waiting for a first datum, get an empty one of version 0; the version check
            // reads it again once its slot leader answers.
            counts.failed(ClusterCounts.Failure.SET_ZERO_BY_SUB_FAIL);
            LOG.warn("[cluster] {}: {} could not be read from its slot leader and none is cached: its subscribers get"
                    + " an empty datum of version 0 until it can",
                    ClusterCounts.Failure.SET_ZERO_BY_SUB_FAIL.seedName(), id);
            offer(new Datum(id, 0, List.of()));
        }
        if (reading.compute(key, (k, more) -> Boolean.TRUE.equals(more) ? Boolean.FALSE : null) != null) {
            send(id);
        }
    }

    private void offer(Datum datum) {
        if (cache.offer(datum)) {
            listeners.changed(datum);
        }
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
            if (!checking.add(leader)) {
                return; // the last check there is not answered yet
            }
            try {
                reads.execute(() -> {
                    try {
                        reader.versions(leader, ids, (versions, failure) -> checked(leader, ids, versions, failure));
                    } catch (RuntimeException e) {
                        checked(leader, ids, null, new CallFailedException(e.toString(), e));
                    }
                });
            } catch (RejectedExecutionException stopped) {
                checking.remove(leader);
            }
        });
    }

    private void checked(String leader, List<String> ids, Map<String, Long> versions, CallFailedException failure) {
        checking.remove(leader);
        if (failure != null) {
            LOG.warn("[cluster] version check of {} datums at data server {} failed: {}", ids.size(), leader,
                    failure.getMessage());
            return;
        }
        versions.forEach((dataInfoId, version) -> {
            if (version != null) {
                noticed(dataInfoId, version);
            }
        });
    }
}
