package io.weft.registry.session.connection;

import com.alipay.remoting.Connection;
import com.alipay.remoting.ConnectionEventType;
import com.alipay.remoting.InvokeCallback;
import com.alipay.remoting.config.BoltServerOption;
import com.alipay.remoting.rpc.RpcServer;
import com.alipay.sofa.registry.core.model.ConfiguratorRegister;
import com.alipay.sofa.registry.core.model.PublisherRegister;
import com.alipay.sofa.registry.core.model.Result;
import com.alipay.sofa.registry.core.model.SubscriberRegister;
import com.alipay.sofa.registry.core.model.SyncConfigRequest;
import io.weft.codec.bolt.BoltHessian;
import io.weft.codec.bolt.BoltEventExecutor;
import io.weft.codec.bolt.BoltServerStop;
import io.weft.codec.bolt.guard.ConnectionGate;
import io.weft.codec.bolt.guard.LogThrottle;
import io.weft.codec.hessian.SafeHessian;
import io.weft.registry.session.push.ConnectionGoneException;
import io.weft.registry.session.push.PushChannel;
import io.weft.registry.session.register.RegisterHandler;
import java.time.Clock;
import java.util.List;
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
 * <p>Bad input is refused per connection and logged, and the other connections are not affected
 * ({@link ClientLimits}, ARCHITECTURE §5): a new connection beyond the per-address rate or the connection limit
 * is closed at once; a frame announcing more than the frame limit, or one Bolt cannot read, closes its
 * connection before Bolt buffers it; a request naming a class no processor takes, or whose body is malformed,
 * above the payload limit or names a refused class, is answered with Bolt's error status on that connection
 * ({@link ClientPortHandlers}). Each refusal is counted in {@link RefusalCounts}.
 *
 * <p>Lifecycle: {@link #start()} once, {@link #close()} or {@link #close(long)} once; close stops the port, closes
 * the clients' connections (at once, or after a hand-over time), stops the worker threads and unregisters its
 * classes from the node's Bolt Hessian codec.
 */
public final class BoltSessionServer implements PushChannel, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("registry.session");
    /** Client connects and disconnects: registry-connect.log (OPS-10). */
    private static final Logger CONNECT_LOG = LoggerFactory.getLogger("registry.connect");
    private static final int WORKERS = 4;
    private static final int WORK_QUEUE = 10_000;

    /** One line per kind of refusal and client address in this interval, at most (they go to common-error.log). */
    private static final long REFUSAL_LOG_INTERVAL_MILLIS = 10_000;
    /**
     * How long a handed-over connection's requests get no answer before it closes: a client answered just before
     * sends its next request within this time, and then waits for it instead of sending more.
     */
    static final long HOLD_BEFORE_CLOSE_MILLIS = 50;

    private final String host;
    private final int requestedPort;
    private final ClientLimits limits;
    private final int pushTimeoutMillis;
    private final RegisterHandler registrations;
    private final SyncConfigAnswer syncConfig;
    private final ClientConnections connections;
    /**
     * Set when {@link #close()} begins: the hand-over of the connections, which sets the request policy from then
     * on; connections closing after that are closed by this server, not their clients.
     */
    private volatile ClientHandOver handOver;
    /** Set while a shutting-down node sends its clients on to other sessions ({@link #bounceClients(long)}). */
    private volatile ClientBounce bounce;
    private final RefusalCounts refusals;
    private final Clock clock;
    private ThreadPoolExecutor workers;
    private RpcServer server;
    private final BoltHessian hessian;
    private BoltHessian.Registration hessianRegistration;

    /**
     * @param hessian           the node's Bolt Hessian codec, where this port registers the classes it reads
     * @param host              the address to bind (127.0.0.1 in tests)
     * @param port              the port, 0 for any free one
     * @param limits            what the port tolerates from clients
     * @param pushTimeoutMillis how long a client has to acknowledge a push
     * @param dataCenter        this session's data center: the only segment clients are told of (RCP-9)
     * @param refusals          where refusals are counted; the owner keeps it across restarts of the port
     * @param clock             the time of connections, of the per-address connection rate and of log throttling
     */
    public BoltSessionServer(BoltHessian hessian, String host, int port, ClientLimits limits, int pushTimeoutMillis, String dataCenter,
            int syncConfigRetryMillis, RegisterHandler registrations, RefusalCounts refusals, Clock clock) {
        this.hessian = hessian;
        this.host = host;
        this.requestedPort = port;
        this.limits = limits;
        this.pushTimeoutMillis = pushTimeoutMillis;
        this.registrations = registrations;
        this.syncConfig = new SyncConfigAnswer(dataCenter, syncConfigRetryMillis);
        this.connections = new ClientConnections(clock);
        this.refusals = refusals;
        this.clock = clock;
    }

    public synchronized void start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        // The model classes by this bundle's loader, whatever the reading thread's context loader is: Bolt sets
        // the processor's getBizClassLoader() only around the header, and inside Felix the worker threads'
        // own context loader cannot see registry-core, so Hessian would read every request as a HashMap.
        // Registered with the node's shared codec (other bundles read their own classes through the same byte).
        hessianRegistration = hessian.register(new SafeHessian(ModelClasses.ALLOWED, limits.maxPayloadBytes(),
                ModelClasses.class.getClassLoader()));
        workers = new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(WORK_QUEUE), daemonThreads("weft-session-worker-"));
        workers.allowCoreThreadTimeOut(true);
        RpcServer rpc = new RpcServer(host, requestedPort, false);
        // Bolt's supported pipeline hook, read for each accepted channel: our handlers go in front of its decoder.
        rpc.option(BoltServerOption.EXTENDED_NETTY_CHANNEL_HANDLER, new ClientPortHandlers(
                new ConnectionGate(limits.maxNewConnectionsPerIpPerSecond(), limits.maxConnections(), clock::millis),
                limits.maxFrameBytes(), refusals,
                new LogThrottle(CONNECT_LOG, REFUSAL_LOG_INTERVAL_MILLIS, clock::millis),
                new LogThrottle(LOG, REFUSAL_LOG_INTERVAL_MILLIS, clock::millis)));
        rpc.addConnectionEventProcessor(ConnectionEventType.CONNECT, (address, connection) -> opened(connection));
        rpc.addConnectionEventProcessor(ConnectionEventType.CLOSE, (address, connection) -> closed(connection));
        rpc.registerUserProcessor(new RequestProcessor<>(PublisherRegister.class, registrations::publisher,
                this::acknowledgedOnly, this::requestPolicy));
        rpc.registerUserProcessor(new RequestProcessor<>(SubscriberRegister.class, registrations::subscriber,
                this::acknowledgedOnly, this::requestPolicy));
        rpc.registerUserProcessor(new RequestProcessor<>(ConfiguratorRegister.class, registrations::configurator,
                this::acknowledgedOnly, this::requestPolicy));
        // The client's configuration comes from this session's options alone: answered the same while handing over.
        rpc.registerUserProcessor(new RequestProcessor<>(SyncConfigRequest.class, syncConfig::answer,
                request -> syncConfig.answer(null, null), this::requestPolicy));
        try {
            rpc.startup();
        } catch (RuntimeException e) {
            workers.shutdownNow();
            hessianRegistration.close();
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
            done.accept(new ConnectionGoneException(connectionId));
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

    /**
     * What the port does with a client's request now: apply it, or, while it stops, acknowledge or hold it (a
     * bounce holds them all).
     */
    RequestPolicy requestPolicy() {
        ClientHandOver closing = handOver;
        if (closing != null) {
            return closing.policy();
        }
        return bounce == null ? RequestPolicy.APPLY : RequestPolicy.HOLD;
    }

    /** Asked only under {@link RequestPolicy#ACKNOWLEDGE}, hence while handing over. */
    private Object acknowledgedOnly(Object register) {
        return handOver.acknowledge(register);
    }

    /**
     * Before a shutting-down node closes this port: sends its clients on to the cluster's other sessions, and
     * returns once they have gone or after {@code maxMillis} (decision record 0026). Closes every client
     * connection at once and keeps the port listening; each connection accepted meanwhile is closed again
     * {@link ClientBounce#CLOSE_AFTER_MILLIS} later, its requests unanswered ({@link ClientBounce}), and its client
     * picks a session again, the other sessions being the likelier pick each time. Ends when no connection that
     * came back is open and none opened for {@link ClientBounce#SETTLE_MILLIS}, or at once if no client is
     * connected. The caller then {@link #close() closes} the port.
     *
     * <p>Why: {@code registry-client-all} whose attempt is refused sleeps a random 0-5 s before its next, so with
     * the port closed at once about half of the clients would wait that long before trying another session.
     *
     * @return whether the clients went before {@code maxMillis} (false: interrupted or some still came back)
     */
    public boolean bounceClients(long maxMillis) {
        ClientBounce bouncing;
        synchronized (this) {
            if (server == null || bounce != null) {
                return false;
            }
            if (connections.size() == 0) {
                // No client to send anywhere; one that connects from now on finds the port closed, as before.
                return true;
            }
            bouncing = new ClientBounce(clock::millis, ClientBounce.CLOSE_AFTER_MILLIS);
            bounce = bouncing;
        }
        long began = clock.millis();
        List<ClientConnection> present = connections.all();
        present.forEach(client -> client.connection().close());
        LOG.info("[session] node stopping: {} client connections closed, port {}:{} sends clients that come back on"
                + " to the other sessions for up to {} ms", present.size(), host, port(), maxMillis);
        boolean settled = false;
        try {
            while (!(settled = bouncing.settled()) && clock.millis() - began < maxMillis) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("[session] {} ({} ms): {} connections that came back were closed again",
                settled ? "every client went on to another session" : "stopped sending clients on",
                clock.millis() - began, bouncing.bounced());
        return settled;
    }

    /** Closes the port and the clients' connections at once. */
    @Override
    public void close() {
        close(0);
    }

    /**
     * Closes the port at once and hands the clients' connections over for {@code handoverMillis} (0: closes them
     * at once).
     *
     * <p>Why: a client whose connection closes tries to reconnect within half a second, and if nothing listens
     * then it waits 5 to 10 s before its next try (registry-client-all's reconnect loop). A session restarted in
     * place (a bundle upgrade or refresh, a changed option) listens again a few hundred milliseconds after this one
     * closed its port; clients closed after that reconnect to it on their first try. Until then their connections
     * stay open on Bolt's I/O threads, which outlive this server: Bolt answers their heartbeats, and
     * {@link ClientHandOver} acknowledges their requests without applying them, holds the last ones and closes the
     * connections. No thread of this server's stays behind.
     */
    public void close(long handoverMillis) {
        close(handoverMillis, HOLD_BEFORE_CLOSE_MILLIS);
    }

    /** As {@link #close(long)}, with the time the last requests are held (tests stretch it to watch that step). */
    void close(long handoverMillis, long holdMillis) {
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
        // The classes stay registered with the codec until the connections close (a restarted session's
        // registration takes them over at once), so that requests on them are read and acknowledged rather than
        // refused: a refusal fails the client's call and the client sends it again at once, and again.
        ClientHandOver closingClients = new ClientHandOver(host + ":" + rpc.port(), connections::all,
                hessianRegistration::close);
        handOver = closingClients;
        try {
            // Returns once the port is free, so a restart binds it again at once.
            if (!BoltServerStop.stop(rpc::shutdown, host, rpc.port(), BoltServerStop.DEFAULT_WAIT)) {
                LOG.warn("[session] client port {}:{} still taken after closing", host, rpc.port());
            }
        } catch (RuntimeException e) {
            LOG.warn("[session] stopping the client port: {}", e.toString());
        }
        // Bolt's stop closes only the listening socket: accepted connections live on in its JVM-wide worker
        // group, still read by this server's processors. Closed, their clients reconnect to whatever listens next
        // and replay their registrations (RCP-14).
        // Every answer of the hand-over given once now, while this bundle can still load its classes: after an
        // update through deploy/ its old revision loads none any more, and the hand-over goes on after that.
        HandOverAnswer.to(null);
        syncConfig.answer(null, null);
        boolean handingOver = handoverMillis > 0 && closingClients.schedule(handoverMillis, holdMillis);
        if (!handingOver) {
            closingClients.closeNow();
        }
        // Bolt's shutdown leaves the server's connection event thread running.
        BoltEventExecutor.shutdown(rpc);
        pool.shutdownNow();
        if (handingOver) {
            LOG.info("[session] client port {}:{} closed; its {} client connections close in {} ms, when the next"
                    + " session listens", host, rpc.port(), connections.size(), handoverMillis);
        } else {
            LOG.info("[session] client port {}:{} closed", host, rpc.port());
        }
    }

    private void opened(Connection connection) {
        ClientConnection opened = connections.opened(connection);
        CONNECT_LOG.info("[connection] client connected: {}, {} open", opened.remoteAddress(), connections.size());
        ClientHandOver current = handOver;
        if (current != null && current.ended()) {
            // Accepted just before the port closed and known only now: nothing hands it over any more.
            connection.close();
            return;
        }
        ClientBounce bouncing = bounce;
        if (bouncing != null && current == null) {
            bouncing.opened(opened);
        }
    }

    private void closed(Connection connection) {
        connections.closed(connection).ifPresent(gone -> {
            CONNECT_LOG.info("[connection] client disconnected: {}, {} open", gone.remoteAddress(), connections.size());
            ClientBounce bouncing = bounce;
            if (bouncing != null) {
                bouncing.closed(gone.id());
            }
            if (handOver != null || bouncing != null) {
                // This server closed it, stopping: the client has not gone and comes back through the next session
                // process or another session. Its publications stay on the data servers until this process's
                // lease ends there (REG-34); a client-off now would push every subscriber a list without them until
                // it is back.
                return;
            }
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
