package io.weft.registry.data.server;

import com.alipay.remoting.Connection;
import io.weft.codec.bolt.guard.PortGuard;
import io.weft.registry.data.transport.BoltPort;
import io.weft.registry.protocol.ClientOffRequest;
import io.weft.registry.protocol.DataReply;
import io.weft.registry.protocol.GetDatumRequest;
import io.weft.registry.protocol.GetDatumVersionsRequest;
import io.weft.registry.protocol.PublicationBatch;
import io.weft.registry.protocol.PublicationBatchReply;
import io.weft.registry.protocol.PublishRequest;
import io.weft.registry.protocol.SessionLeaseRenew;
import io.weft.registry.protocol.UnpublishRequest;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The sessions' port (9620 by default): a Bolt processor for each session request class of decision record 0021,
 * handled by {@link SessionRequests} on the data server's workers, and the sessions' connections for the change
 * notices going back.
 *
 * <p>Lifecycle: {@link #start()} once, {@link #close()} once.
 */
public final class SessionPort implements AutoCloseable {

    private final BoltPort port;
    private final SessionConnections connections;

    public SessionPort(String host, int port, PortGuard guard, SessionRequests requests, Executor workers) {
        this.port = new BoltPort("session", host, port, guard);
        this.connections = new SessionConnections(this.port);
        this.port
                .handle(PublishRequest.class, tracked(requests::publish), DataReply::refused, workers)
                .handle(UnpublishRequest.class, tracked(requests::unpublish), DataReply::refused, workers)
                .handle(PublicationBatch.class, tracked(requests::batch), PublicationBatchReply::refused, workers)
                .handle(ClientOffRequest.class, tracked(requests::clientOff), DataReply::refused, workers)
                .handle(GetDatumRequest.class, tracked(requests::getDatum), Replies::refusedView, workers)
                .handle(GetDatumVersionsRequest.class, tracked(requests::versions), Replies::refusedVersions,
                        workers)
                .handle(SessionLeaseRenew.class, tracked(requests::renew), DataReply::refused, workers)
                .onConnect(connections::seen)
                .onClose(connections::closed);
    }

    /** The handler, after noting the connection the request came on. */
    private <T> BiFunction<T, Connection, Object> tracked(Function<T, Object> handler) {
        return (request, connection) -> {
            connections.seen(connection);
            return handler.apply(request);
        };
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
