package io.weft.registry.data.transport;

import com.alipay.remoting.Connection;
import com.alipay.remoting.ConnectionEventType;
import com.alipay.remoting.config.BoltServerOption;
import com.alipay.remoting.exception.RemotingException;
import com.alipay.remoting.rpc.RpcServer;
import io.weft.codec.bolt.BoltEventExecutor;
import io.weft.codec.bolt.BoltServerStop;
import io.weft.codec.bolt.guard.PortGuard;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listening Bolt port of the data server (9620 for sessions, 9621 for peers) with a processor per request
 * class. Declare the handlers, then {@link #start}; {@link #close} returns once the listening socket is closed, so
 * the port is free again ({@link BoltServerStop}), and every connection it accepted is closed. A {@link PortGuard}
 * in front of Bolt's decoder closes a connection at a frame announced too large or unreadable, before Bolt buffers
 * it, and new connections past its limits (ARCHITECTURE §5).
 *
 * <p>Lifecycle: handlers and listeners before start; start once, close once. Thread-safe afterwards.
 */
public final class BoltPort implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("registry.data");

    private final String name;
    private final String host;
    private final int requestedPort;
    private final PortGuard guard;
    private final List<Consumer<RpcServer>> registrations = new ArrayList<>();
    private volatile RpcServer server;

    /**
     * @param name what the port is for, in log lines
     * @param host the address to bind
     * @param port the port, 0 for any free one
     * @param guard the frame and connection limits of this port, for it alone
     */
    public BoltPort(String name, String host, int port, PortGuard guard) {
        this.name = name;
        this.host = host;
        this.requestedPort = port;
        this.guard = guard;
    }

    /**
     * Answers requests of {@code type} with {@code handler}; {@code refusal} makes the {@code success=false} reply
     * of a request that cannot be handled, from its reason.
     */
    public <T> BoltPort handle(Class<T> type, BiFunction<T, Connection, Object> handler,
            Function<String, Object> refusal, Executor executor) {
        registrations.add(rpc -> rpc.registerUserProcessor(new MessageProcessor<>(type, handler, refusal, executor)));
        return this;
    }

    public BoltPort onConnect(Consumer<Connection> listener) {
        registrations.add(rpc -> rpc.addConnectionEventProcessor(ConnectionEventType.CONNECT,
                (address, connection) -> listener.accept(connection)));
        return this;
    }

    public BoltPort onClose(Consumer<Connection> listener) {
        registrations.add(rpc -> rpc.addConnectionEventProcessor(ConnectionEventType.CLOSE,
                (address, connection) -> listener.accept(connection)));
        return this;
    }

    /** @throws IllegalStateException if the port cannot be bound */
    public synchronized void start() {
        if (server != null) {
            throw new IllegalStateException(name + " already started");
        }
        // Bolt manages the connections the port accepts, so that its shutdown closes them too (see close()).
        RpcServer rpc = new RpcServer(host, requestedPort, true);
        rpc.option(BoltServerOption.EXTENDED_NETTY_CHANNEL_HANDLER, guard);
        registrations.forEach(registration -> registration.accept(rpc));
        try {
            rpc.startup();
        } catch (RuntimeException e) {
            throw new IllegalStateException("the " + name + " port cannot listen on " + host + ":" + requestedPort
                    + ": " + e.getMessage(), e);
        }
        server = rpc;
        LOG.info("[data] {} port listening on {}:{}", name, host, rpc.port());
    }

    /** The port bound; the requested one before start or if that was not 0. */
    public int port() {
        RpcServer rpc = server;
        return rpc == null ? requestedPort : rpc.port();
    }

    public boolean listening() {
        return server != null;
    }

    /** Sends {@code message} on {@code connection} without waiting for an answer (none comes). */
    public void oneway(Connection connection, Object message) throws RemotingException {
        RpcServer rpc = server;
        if (rpc == null) {
            throw new RemotingException("the " + name + " port is closed");
        }
        rpc.oneway(connection, message);
    }

    @Override
    public synchronized void close() {
        RpcServer rpc = server;
        server = null;
        if (rpc == null) {
            return;
        }
        try {
            if (!BoltServerStop.stop(rpc::shutdown, host, rpc.port(), BoltServerStop.DEFAULT_WAIT)) {
                LOG.warn("[data] the {} port {}:{} was still taken {} after closing", name, host, rpc.port(),
                        BoltServerStop.DEFAULT_WAIT);
            }
        } catch (RuntimeException e) {
            LOG.warn("[data] stopping the {} port: {}", name, e.toString());
        }
        // The stop closed the accepted connections too, as Bolt manages them: their peers reconnect to whatever
        // listens next on this address. Unmanaged, they would live on in Bolt's JVM-wide worker group, kept open by
        // its heartbeat, read by this stopped port's processors. It leaves the connection event thread running.
        BoltEventExecutor.shutdown(rpc);
        LOG.info("[data] {} port {}:{} closed", name, host, rpc.port());
    }
}
