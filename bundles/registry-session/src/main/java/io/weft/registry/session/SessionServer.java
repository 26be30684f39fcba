package io.weft.registry.session;

import io.weft.codec.bolt.BoltHessian;
import io.weft.api.osp.SignatureVerifier;
import io.weft.registry.session.connection.BoltSessionServer;
import io.weft.registry.session.connection.ClientConnections;
import io.weft.registry.session.connection.RefusalCounts;
import io.weft.registry.session.data.PersistentData;
import io.weft.registry.session.data.SessionData;
import io.weft.registry.session.push.ConfigPusher;
import io.weft.registry.session.push.DataPusher;
import io.weft.registry.session.push.PushCounts;
import io.weft.registry.session.push.PushSwitch;
import io.weft.registry.session.push.SessionPush;
import io.weft.registry.session.register.RegisterHandler;
import io.weft.registry.session.register.Registrations;
import io.weft.registry.session.register.SignatureCheck;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session server: the client port, the registrations of its clients, the data layer behind them and
 * the pushes back, plus the push switch. Free of OSGi, so plain tests run it; a DS component wraps it.
 *
 * <p>Lifecycle: {@link #start()} once, {@link #close()} once. Close stops the port and the push thread.
 */
public final class SessionServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("registry.session");

    private final SessionOptions options;
    private final SessionData data;
    private final PersistentData persistentData;
    private final PushSwitch pushSwitch;
    private final Registrations registrations;
    private final ScheduledExecutorService pushThread;
    private final BoltSessionServer port;
    private final SessionPush push;
    private final DataPusher dataPusher;
    private final ConfigPusher configPusher;
    private final PushCounts pushCounts;
    private final List<AutoCloseable> subscriptions = new ArrayList<>();

    /**
     * @param verifier the signature verifier, asked at each registration (it may come and go); only
     *                 consulted when {@link SessionOptions#signatureRequired()}
     */
    public SessionServer(BoltHessian hessian, SessionOptions options, SessionData data, PersistentData persistentData,
            PushSwitch pushSwitch, Supplier<SignatureVerifier> verifier, Clock clock) {
        this(hessian, options, data, persistentData, pushSwitch, verifier, clock, new PushCounts(), new RefusalCounts());
    }

    /**
     * @param pushCounts where push outcomes are counted; the owner passes the same one to every server it
     *                   starts, so its counters survive a restart
     * @param refusals   where the client port counts what it refused; kept across restarts like pushCounts
     */
    public SessionServer(BoltHessian hessian, SessionOptions options, SessionData data, PersistentData persistentData,
            PushSwitch pushSwitch, Supplier<SignatureVerifier> verifier, Clock clock, PushCounts pushCounts,
            RefusalCounts refusals) {
        this(hessian, options, new Registrations(), data, persistentData, pushSwitch, verifier, clock, pushCounts,
                refusals);
    }

    /**
     * @param registrations where this server records its clients' registrations; given by the owner when the data
     *                      layer must know them (a cluster's data layer reads which datums are subscribed)
     */
    public SessionServer(BoltHessian hessian, SessionOptions options, Registrations registrations, SessionData data,
            PersistentData persistentData, PushSwitch pushSwitch, Supplier<SignatureVerifier> verifier, Clock clock,
            PushCounts pushCounts, RefusalCounts refusals) {
        this.options = options;
        this.registrations = registrations;
        this.pushCounts = pushCounts;
        this.data = data;
        this.persistentData = persistentData;
        this.pushSwitch = pushSwitch;
        this.pushThread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "weft-session-push");
            thread.setDaemon(true);
            return thread;
        });
        this.dataPusher = new DataPusher(data, registrations.subscribers(),
                this::pushTo, pushSwitch,
                pushThread, options.dataCenter(), options.pushCoalesceMillis(), options.pushRetryMillis());
        this.configPusher = new ConfigPusher(persistentData, registrations.configurators(),
                this::pushTo, pushSwitch,
                pushThread);
        this.push = new SessionPush(dataPusher, configPusher);
        RegisterHandler handler = new RegisterHandler(registrations, data, push,
                new SignatureCheck(options.signatureRequired(), verifier), options.zone());
        this.port = new BoltSessionServer(hessian, options.host(), options.port(), options.limits(),
                options.pushTimeoutMillis(), options.dataCenter(), options.syncConfigRetryMillis(), handler, refusals,
                clock);
    }

    public synchronized void start() {
        subscriptions.add(data.listen((id, version) -> dataPusher.datumChanged(id)));
        subscriptions.add(persistentData.listen(configPusher::changed));
        subscriptions.add(pushSwitch.onReopen(push::reopened));
        try {
            port.start();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Pushes leave through the client port, which exists once the constructor is done. */
    private void pushTo(String connectionId, Object request, Consumer<Throwable> done) {
        port.send(connectionId, request, failure -> {
            pushCounts.completed(failure);
            done.accept(failure);
        });
    }

    /** The client port bound. */
    public int port() {
        return port.port();
    }

    public ClientConnections connections() {
        return port.connections();
    }

    public Registrations registrations() {
        return registrations;
    }

    public PushSwitch pushSwitch() {
        return pushSwitch;
    }

    public SessionOptions options() {
        return options;
    }

    /**
     * Sends the clients on to other sessions before the node shuts down; returns when they have gone or after
     * {@code maxMillis} (see {@link BoltSessionServer#bounceClients(long)}).
     */
    public boolean bounceClients(long maxMillis) {
        return port.bounceClients(maxMillis);
    }

    /** Closes the client port and the clients' connections at once, and the push thread. */
    @Override
    public void close() {
        close(0);
    }

    /**
     * Closes the client port, the push thread, and the clients' connections {@code handoverMillis} after the port
     * (see {@link BoltSessionServer#close(long)}).
     */
    public synchronized void close(long handoverMillis) {
        for (AutoCloseable subscription : subscriptions) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.warn("[session] removing a listener: {}", e.toString());
            }
        }
        subscriptions.clear();
        port.close(handoverMillis);
        pushThread.shutdownNow();
        try {
            if (!pushThread.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("[session] the push thread did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
