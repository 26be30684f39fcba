package io.weft.registry.session.data;

import java.util.Optional;

/**
 * What a session server needs from the registry's data layer (REG-3, REG-36): it hands over the
 * publications its clients make, drops those of a closed connection, reads the current datum to push, and
 * hears of every change. In a cluster the data servers hold the datums (sharded by {@code dataInfoId},
 * REG-4) and {@code ClusterSessionData} talks to them; a standalone node uses {@link LocalSessionData}.
 * Implementations are thread-safe.
 */
public interface SessionData {

    /** Adds the publication, or replaces the one with the same registId. */
    void putPublication(DataInfoId id, Publication publication);

    /** Removes the publication with that registId, if any. */
    void removePublication(DataInfoId id, String registId);

    /** Removes every publication that arrived on the connection (REG-36, RCP-21). */
    void removeConnection(String connectionId);

    /**
     * The current datum; empty while it is being fetched (a cluster session's first read of it from its data server),
     * and the listeners are told once it is there, so a caller never waits on a data server. A datum nobody
     * published is empty but has a version too, so its subscribers get an answer, and later changes get higher
     * versions.
     */
    Optional<Datum> current(DataInfoId id);

    /** Adds a listener for changes of every datum; closing the returned handle removes it. */
    AutoCloseable listen(DatumListener listener);
}
