package io.weft.registry.session.cluster;

import io.weft.registry.session.data.DataInfoId;
import io.weft.registry.session.data.Datum;
import io.weft.registry.session.data.DatumListener;
import io.weft.registry.session.data.Publication;
import io.weft.registry.session.data.SessionData;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The data layer of a session in a registry cluster (REG-3, REG-36, decision record 0021): the data servers hold
 * the datums, sharded by slot. A publication is recorded here and handed to the leader of its slot in the
 * background ({@link PublicationSync}), so a client's request never waits for a data server; a closed connection
 * is a client-off to every data server ({@link ClientOffNotifier}). A datum is read from its slot leader the first
 * time a push needs it, in the background, and cached while subscribers want it ({@link DatumCache}); change
 * notices and the periodic version check keep the cache current and tell the listeners.
 *
 * <p>REG-28: when a datum cannot be read and none is cached, the subscribers get an empty datum of version 0
 * ({@code session_setZeroBySubFail}), and the version check reads it again once its slot leader answers.
 *
 * <p>Thread-safe.
 */
public final class ClusterSessionData implements SessionData {

    private final HeldPublications held;
    private final PublicationSync sync;
    private final ClientOffNotifier clientOff;
    private final DatumCache cache;
    private final DatumRefresh refresh;
    private final DatumListeners listeners;
    private final Clock clock;

    public ClusterSessionData(HeldPublications held, PublicationSync sync, ClientOffNotifier clientOff,
            DatumCache cache, DatumRefresh refresh, DatumListeners listeners, Clock clock) {
        this.held = held;
        this.sync = sync;
        this.clientOff = clientOff;
        this.cache = cache;
        this.refresh = refresh;
        this.listeners = listeners;
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
     * The cached datum; the first time, nothing, and a read from the slot leader starts in the background: the
     * listeners hear of the datum when it is there (or of an empty one of version 0 if it cannot be read, REG-28).
     * So a push never waits on a data server, and a hung one holds up only the subscribers of its own datums.
     */
    @Override
    public Optional<Datum> current(DataInfoId id) {
        cache.want(id);
        Datum cached = cache.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        refresh.fetch(id);
        return Optional.empty();
    }

    @Override
    public AutoCloseable listen(DatumListener listener) {
        return listeners.add(listener);
    }
}
