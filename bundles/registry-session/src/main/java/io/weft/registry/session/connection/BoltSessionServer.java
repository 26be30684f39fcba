package io.weft.registry.session.connection;

import com.alipay.remoting.Connection;
import com.alipay.remoting.ConnectionEventType;
import com.alipay.remoting.InvokeCallback;
import com.alipay.remoting.rpc.RpcServer;
import com.alipay.sofa.registry.core.model.ConfiguratorRegister;
import com.alipay.sofa.registry.core.model.PublisherRegister;
import com.alipay.sofa.registry.core.model.Result;
import com.alipay.sofa.registry.core.model.SubscriberRegister;
import com.alipay.sofa.registry.core.model.SyncConfigRequest;
import io.weft.codec.bolt.SafeBoltSerializer;
import io.weft.codec.hessian.SafeHessian;
import io.weft.registry.session.push.PushChannel;
import io.weft.registry.session.register.RegisterHandler;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session's client port (9600 by default): SOFA Bolt with Hessian (RCP-1..RCP-3) read through
 * {@link SafeHessian} with an allow list of exactly the SOFARegistry request classes (deny list first, size
 * limit), a processor per request class on the session's own worker threads, Bolt's heartbeat answered by
 * Bolt itself (RCP-4), and connection events tracked in {@link ClientConnections}. Pushes go out as Bolt
 * requests on the client's connection ({@link PushChannel}, RCP-11).
 *
 * <p>A request whose frame or body names a refused class, or is malformed, is answered with Bolt's
 * deserialisation error on that connection; a frame Bolt cannot decode closes that connection. Other
 * connections are not affected.
 *
 * <p>Lifecycle: {@link #start()} once, {@link #close()} once; close stops the port, the worker threads and
 * restores Bolt's serializer.
 */
public final class BoltSessionServer implements PushChannel, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("registry.session");
    /** Client connects and disconnects: registry-connect.log (OPS-10). */
    private static final Logger CONNECT_LOG = LoggerFactory.getLogger("registry.connect");
    private static final int WORKERS = 4;
    private static final int WORK_QUEUE = 10_000;

    private final String host;
    private final int requestedPort;
    private final int maxPayloadBytes;
    private final int pushTimeoutMillis;
    private final RegisterHandler registrations;
    private final SyncConfigAnswer syncConfig;
    private final ClientConnections connections;
    private ThreadPoolExecutor workers;
    private RpcServer server;
    private HessianSerializerSlot serializerSlot;

    /**
     * @param host              the address to bind (127.0.0.1 in tests)
     * @param port              the port, 0 for any free one
     * @param maxPayloadBytes   the largest request body read
     * @param pushTimeoutMillis how long a client has to acknowledge a push
     * @param dataCenter        this session's data center: the only segment clients are told of (RCP-9)
     */
    public BoltSessionServer(String host, int port, int maxPayloadBytes, int pushTimeoutMillis, String dataCenter,
            int syncConfigRetryMillis, RegisterHandler registrations, Clock clock) {
        this.host = host;
        this.requestedPort = port;
        this.maxPayloadBytes = maxPayloadBytes;
        this.pushTimeoutMillis = pushTimeoutMillis;
        this.registrations = registrations;
        this.syncConfig = new SyncConfigAnswer(dataCenter, syncConfigRetryMillis);
        this.connections = new ClientConnections(clock);
    }

    public synchronized void start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        serializerSlot = HessianSerializerSlot.install(
                new SafeBoltSerializer(new SafeHessian(ModelClasses.ALLOWED, maxPayloadBytes)));
        workers = new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(WORK_QUEUE), daemonThreads("weft-session-worker-"));
        workers.allowCoreThreadTimeOut(true);
        RpcServer rpc = new RpcServer(host, requestedPort, false);
        rpc.addConnectionEventProcessor(ConnectionEventType.CONNECT, (address, connection) -> opened(connection));
        rpc.addConnectionEventProcessor(ConnectionEventType.CLOSE, (address, connection) -> closed(connection));
        rpc.registerUserProcessor(new RequestProcessor<>(PublisherRegister.class, registrations::publisher, workers));
        rpc.registerUserProcessor(new RequestProcessor<>(SubscriberRegister.class, registrations::subscriber, workers));
        rpc.registerUserProcessor(
                new RequestProcessor<>(ConfiguratorRegister.class, registrations::configurator, workers));
        rpc.registerUserProcessor(new RequestProcessor<>(SyncConfigRequest.class, syncConfig::answer, workers));
        try {
            rpc.startup();
        } catch (RuntimeException e) {
            workers.shutdownNow();
            serializerSlot.restore();
            throw new IllegalStateException("cannot listen on " + host + ":" + requestedPort + ": " + e.getMessage(), e);
        }
        server = rpc;
        LOG.info("[session] listening for registry clients on {}:{}", host, rpc.port());
    }

    /** The port bound; the requested one unless that was 0. */
    public synchronized int port() {
        return server == null ? requestedPort : server.port();
    }

    public ClientConnections connections() {
        return connections;
    }

    @Override
    public void send(String connectionId, Object request, Consumer<Throwable> done) {
        RpcServer rpc;
        synchronized (this) {
            rpc = server;
        }
        ClientConnection target = connections.get(connectionId).orElse(null);
        if (rpc == null || target == null) {
            done.accept(new IllegalStateException("no open connection " + connectionId));
            return;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Bolt reads the client's answer with the class loader of the invoking thread (decision record 0015).
        thread.setContextClassLoader(Result.class.getClassLoader());
        try {
            rpc.invokeWithCallback(target.connection(), request, new PushCallback(done), pushTimeoutMillis);
        } catch (Exception e) {
            done.accept(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void close() {
        RpcServer rpc;
        ThreadPoolExecutor pool;
        synchronized (this) {
            rpc = server;
            pool = workers;
            server = null;
            workers = null;
        }
        if (rpc == null) {
            return;
        }
        try {
            rpc.shutdown();
        } catch (RuntimeException e) {
            LOG.warn("[session] stopping the client port: {}", e.toString());
        }
        pool.shutdownNow();
        serializerSlot.restore();
        LOG.info("[session] client port {}:{} closed", host, rpc.port());
    }

    private void opened(Connection connection) {
        ClientConnection opened = connections.opened(connection);
        CONNECT_LOG.info("[connection] client connected: {}, {} open", opened.remoteAddress(), connections.size());
    }

    private void closed(Connection connection) {
        connections.closed(connection).ifPresent(gone -> {
            CONNECT_LOG.info("[connection] client disconnected: {}, {} open", gone.remoteAddress(), connections.size());
            Executor pool;
            synchronized (this) {
                pool = workers;
            }
            Runnable cleanUp = () -> registrations.connectionClosed(gone.id());
            try {
                pool.execute(cleanUp);
            } catch (RuntimeException stopping) {
                // No pool (closing) or it refuses work: clean up on this thread.
                cleanUp.run();
            }
        });
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Turns the client's answer to a push into success or failure. */
    private static final class PushCallback implements InvokeCallback {
        private final Consumer<Throwable> done;

        PushCallback(Consumer<Throwable> done) {
            this.done = done;
        }

        @Override
        public void onResponse(Object result) {
            if (result instanceof Result answer && answer.isSuccess()) {
                done.accept(null);
            } else {
                done.accept(new IllegalStateException("the client did not acknowledge the push: " + result));
            }
        }

        @Override
        public void onException(Throwable failure) {
            done.accept(failure);
        }

        @Override
        public Executor getExecutor() {
            return null;
        }
    }
}
