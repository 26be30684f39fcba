package io.weft.registry.data.notify;

import io.weft.registry.protocol.DatumChanged;
import java.util.List;

/** The sessions' connections to this data server, as the notifier sees them. Thread-safe. */
public interface NoticeChannel {

    /** The connections open now. */
    List<String> connectionIds();

    boolean isOpen(String connectionId);

    /**
     * Sends {@code notices}, in their order, one-way: over the wire a single notice as a {@link DatumChanged}, more
     * as one {@link io.weft.registry.protocol.DatumChangedBatch}.
     *
     * @param notices at least one
     * @throws Exception if they could not be handed to the connection
     */
    void send(String connectionId, List<DatumChanged> notices) throws Exception;
}
