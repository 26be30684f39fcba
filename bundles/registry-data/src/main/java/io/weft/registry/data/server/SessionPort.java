package io.weft.registry.data.server;

import io.weft.codec.bolt.guard.PortGuard;
import io.weft.registry.data.transport.BoltPort;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The sessions' port (9620 by default): a Bolt processor for each session request class of decision record 0021,
 * handled as {@link SessionHandlers} says on the data server's workers, and the sessions' connections for the change
 * notices going back.
 *
 * <p>Lifecycle: {@link #start()} once, {@link #close()} once.
 */
public final class SessionPort implements AutoCloseable {

    private final BoltPort port;
    private final SessionConnections connections;

    public SessionPort(String host, int port, PortGuard guard, List<SessionHandlers.Handler<?>> handlers,
            Executor workers) {
        this.port = new BoltPort("session", host, port, guard);
        this.connections = new SessionConnections(this.port);
        handlers.forEach(handler -> handle(handler, workers));
        this.port.onConnect(connections::seen).onClose(connections::closed);
    }

    /** Registers the handler, which notes the connection each request came on (and what the request says of it). */
    private <T> void handle(SessionHandlers.Handler<T> handler, Executor workers) {
        port.handle(handler.type(), (request, connection) -> {
            connections.seen(connection, request);
            return handler.handle().apply(request);
        }, handler.refusal(), workers);
    }

    public void start() {
        port.start();
    }

    public int port() {
        return port.port();
    }

    public boolean listening() {
        return port.listening();
    }

    public SessionConnections connections() {
        return connections;
    }

    @Override
    public void close() {
        port.close();
    }
}
