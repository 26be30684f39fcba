package io.weft.registry.session.cluster;

import io.weft.registry.session.cluster.ClusterCounts.Failure;
import io.weft.registry.session.data.DataInfoId;
import io.weft.registry.session.data.Datum;
import io.weft.registry.session.data.DatumListener;
import io.weft.registry.session.data.Publication;
import io.weft.registry.session.data.SessionData;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data layer of a session in a registry cluster (REG-3, REG-36, decision record 0021): the data servers hold
 * the datums, sharded by slot. A publication is recorded here and handed to the leader of its slot in the
 * background ({@link PublicationSync}), so a client's request never waits for a data server; a closed connection
 * is a client-off to every data server ({@link ClientOffNotifier}). A datum is read from its slot leader the first
 * time a push needs it and cached while subscribers want it ({@link DatumCache}); change notices and the periodic
 * version check keep the cache current and tell the listeners.
 *
 * <p>REG-28: when a datum cannot be read and none is cached, the subscribers get an empty datum of version 0
 * ({@code session_setZeroBySubFail}), and the version check reads it again at the next renewal.
 *
 * <p>Thread-safe.
 */
public final class ClusterSessionData implements SessionData {

    private static final Logger LOG = LoggerFactory.getLogger("registry.session");

    private final HeldPublications held;
    private final PublicationSync sync;
    private final ClientOffNotifier clientOff;
    private final DatumCache cache;
    private final DatumReader reader;
    private final DatumListeners listeners;
    private final ClusterCounts counts;
    private final Clock clock;

    public ClusterSessionData(HeldPublications held, PublicationSync sync, ClientOffNotifier clientOff,
            DatumCache cache, DatumReader reader, DatumListeners listeners, ClusterCounts counts, Clock clock) {
        this.held = held;
        this.sync = sync;
        this.clientOff = clientOff;
        this.cache = cache;
        this.reader = reader;
        this.listeners = listeners;
        this.counts = counts;
        this.clock = clock;
    }

    @Override
    public void putPublication(DataInfoId id, Publication publication) {
        sync.changed(held.put(id, publication, clock.millis()));
    }

    @Override
    public void removePublication(DataInfoId id, String registId) {
        sync.changed(held.remove(id, registId));
    }

    @Override
    public void removeConnection(String connectionId) {
        List<PublicationKey> removed = held.removeConnection(connectionId);
        clientOff.closed(connectionId, removed);
    }

    /**
     * The cached datum; the first time, a read from the slot leader (on the push thread, at most the data request
     * timeout). Never older than a version already answered.
     */
    @Override
    public Datum datum(DataInfoId id) {
        cache.want(id);
        Datum cached = cache.get(id);
        if (cached != null) {
            return cached;
        }
        Optional<Datum> read = reader.read(id);
        if (read.isPresent()) {
            cache.offer(read.get());
            Datum now = cache.get(id);
            return now != null ? now : read.get();
        }
        counts.failed(Failure.SET_ZERO_BY_SUB_FAIL);
        LOG.warn("[cluster] {}: {} could not be read from its slot leader and none is cached: its subscribers get"
                + " an empty datum of version 0 until it can", Failure.SET_ZERO_BY_SUB_FAIL.seedName(), id);
        return new Datum(id, 0, List.of());
    }

    @Override
    public AutoCloseable listen(DatumListener listener) {
        return listeners.add(listener);
    }
}
