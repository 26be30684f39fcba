package io.weft.registry.data.notify;

import java.util.List;

/** The sessions' connections to this data server, as the notifier sees them. Thread-safe. */
public interface NoticeChannel {

    /** The connections open now. */
    List<String> connectionIds();

    boolean isOpen(String connectionId);

    /**
     * Sends {@code notice} one-way.
     *
     * @throws Exception if it could not be handed to the connection
     */
    void send(String connectionId, Object notice) throws Exception;
}
