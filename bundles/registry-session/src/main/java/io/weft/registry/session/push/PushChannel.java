package io.weft.registry.session.push;

import java.util.function.Consumer;

/** Sends a push to one client connection: a Bolt request the client answers (RCP-11). */
public interface PushChannel {

    /**
     * Sends {@code request} on the connection. Never throws and never blocks on the network: {@code done}
     * gets {@code null} once the client acknowledged it, or the failure ({@link ConnectionGoneException} when the
     * connection is not open, a time-out, the client answered an error), on some other thread.
     */
    void send(String connectionId, Object request, Consumer<Throwable> done);
}
