package io.weft.registry.session.cluster;

import io.weft.registry.session.data.DataInfoId;
import io.weft.registry.session.data.Datum;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The last datum read of each {@code dataInfoId} this session's subscribers want (REG-28): pushes are answered from
 * here, change notices and version checks keep it current, and when the data servers cannot be read it is what the
 * subscribers still get. A datum is only ever replaced by a higher version (RCP-12). An id is wanted from the first
 * time a push asks for it until no subscriber of it is left ({@link #retain}). Thread-safe.
 */
public final class DatumCache {

    private final ConcurrentHashMap<String, DataInfoId> wanted = new ConcurrentHashMap<>();
    /** When each id was last asked for, as a tick of {@link #ticks}, so {@link #retain} spares the newly asked. */
    private final ConcurrentHashMap<String, Long> askedAt = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Datum> datums = new ConcurrentHashMap<>();
    private final AtomicLong ticks = new AtomicLong();

    /** A push asks for {@code id}: it is wanted from now on. */
    public void want(DataInfoId id) {
        String key = id.toString();
        askedAt.put(key, ticks.incrementAndGet());
        wanted.putIfAbsent(key, id);
    }

    /** The moment to pass to {@link #retain}, taken before the subscribers are read. */
    public long mark() {
        return ticks.get();
    }

    /** The id behind a {@code dataInfoId} string, if a subscriber wants it. */
    public DataInfoId wanted(String dataInfoId) {
        return wanted.get(dataInfoId);
    }

    public List<DataInfoId> wantedIds() {
        return new ArrayList<>(wanted.values());
    }

    /** The datum held, null when none was read yet. */
    public Datum get(DataInfoId id) {
        return datums.get(id.toString());
    }

    /** The version held, -1 when none was read yet. */
    public long version(String dataInfoId) {
        Datum held = datums.get(dataInfoId);
        return held == null ? -1 : held.version();
    }

    /**
     * Keeps {@code datum} if its id is wanted and it is newer than the one held.
     *
     * @return whether it replaced the one held
     */
    public boolean offer(Datum datum) {
        String key = datum.id().toString();
        if (!wanted.containsKey(key)) {
            return false;
        }
        boolean[] replaced = {false};
        datums.compute(key, (k, held) -> {
            if (held != null && held.version() >= datum.version()) {
                return held;
            }
            replaced[0] = true;
            return datum;
        });
        return replaced[0];
    }

    /**
     * Forgets the ids no subscriber wants any more: those not in {@code subscribed} and not asked for since
     * {@code mark} (a subscriber that registered after {@code subscribed} was read is not in it).
     */
    public void retain(Collection<DataInfoId> subscribed, long mark) {
        Set<String> keep = subscribed.stream().map(DataInfoId::toString).collect(Collectors.toSet());
        for (String key : List.copyOf(wanted.keySet())) {
            if (!keep.contains(key) && askedAt.getOrDefault(key, 0L) <= mark) {
                wanted.remove(key);
                askedAt.remove(key);
                datums.remove(key);
            }
        }
    }

    public int size() {
        return datums.size();
    }
}
