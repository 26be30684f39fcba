package io.weft.lib.sofa.lifecycle;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alipay.remoting.CommandHandler;
import com.alipay.remoting.Protocol;
import com.alipay.remoting.ProtocolCode;
import com.alipay.remoting.ProtocolManager;
import com.alipay.remoting.TimerHolder;
import com.alipay.remoting.rpc.protocol.RpcProtocol;
import com.alipay.remoting.rpc.protocol.RpcProtocolV2;
import com.alipay.sofa.jraft.util.Utils;
import com.alipay.sofa.jraft.util.concurrent.FixedThreadsExecutorGroup;
import com.alipay.sofa.jraft.util.concurrent.SingleThreadExecutor;

import io.netty.util.concurrent.EventExecutorGroup;

/**
 * Stops the executors that Bolt 1.6.7 and SOFAJRaft 1.3.15 keep in static fields, when this bundle stops
 * (decision record 0015). The libraries start them on first use and never stop them: no API of theirs
 * does. Left running, their daemon threads outlive the bundle and pin its class loader, and each refresh
 * of io.weft.lib.sofa added about ten of them.
 *
 * <p>Why at this bundle's deactivate: every bundle that uses Bolt or JRaft imports their packages from
 * this one, so a refresh of this bundle or the framework's stop stops those bundles first, and nothing can
 * use the executors any more. A plain stop of this bundle alone leaves its users running: then, and when SCR
 * stops without this bundle, the executors stay. While this bundle stays active they stay too, so a user
 * bundle that stops and starts again finds them working. A start after the executors were stopped refreshes
 * this bundle (see {@link #activate}).
 *
 * <p>The executors that belong to one {@code RpcServer}, {@code RpcClient} or JRaft node are their
 * owners' to stop, not this class's (the bundles that create them do). JRaft's shared timers and
 * scheduler ({@code DefaultRaftTimerFactory}) are counted references that the last node's shutdown
 * releases.
 *
 * <p>Where a library offers no getter, the static field is read by reflection. A field that a later
 * library version no longer has is logged as a warning and skipped: nothing here fails the stop.
 */
@Component(immediate = true, service = {})
public final class StaticExecutorsShutdown {

    private static final Logger LOG = LoggerFactory.getLogger(StaticExecutorsShutdown.class);

    /** How long the stop waits for each group of threads to end; far above the milliseconds it takes. */
    private static final long WAIT_MILLIS = 3_000;

    /** Set once this class loader's executors are stopped: its Bolt and JRaft cannot run again. */
    private static volatile boolean spent;

    /**
     * A start after a stop without a refresh keeps the old class loader, whose static executors this class
     * stopped and cannot recreate (the fields are final). A refresh of this bundle gives Bolt and JRaft a new
     * class loader with new ones; the framework does it asynchronously and restarts the bundles it stops.
     */
    @Activate
    void activate(BundleContext context) {
        if (spent) {
            LOG.warn("io.weft.lib.sofa started again after a stop: refreshing it, as Bolt's and JRaft's executors"
                    + " of the old start are gone");
            context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(java.util.List.of(context.getBundle()));
        }
    }

    @Deactivate
    void deactivate(BundleContext context) {
        // SCR also deactivates this component when SCR itself stops while this bundle stays. The bundles that
        // use Bolt and JRaft may start again then, and need the executors: stop them only with the bundle (or
        // the whole framework).
        if (!stopping(context.getBundle()) && !stopping(context.getBundle(0))) {
            LOG.info("io.weft.lib.sofa stays active: Bolt's and JRaft's static executors stay");
            return;
        }
        // A plain stop of this bundle does not stop the bundles wired to it (a refresh or the framework's stop
        // does): while one of them runs, it still uses the executors.
        String users = activeUsers(context);
        if (!users.isEmpty()) {
            LOG.warn("io.weft.lib.sofa stops while {} still use it: Bolt's and JRaft's static executors stay", users);
            return;
        }
        spent = true;
        // Bolt. The Netty groups first: they carry the connections that could still hand work to the others.
        // RpcServer: "Rpc-netty-server-worker", 2 x cores event loops shared by every RpcServer (private static
        // final, reflection). Shutting a group down also closes every channel still registered on it.
        netty("com.alipay.remoting.rpc.RpcServer", "workerGroup");
        // Every RpcClient's connections: "bolt-netty-client-worker", cores + 1 event loops (private static final).
        netty("com.alipay.remoting.connection.AbstractConnectionFactory", "workerGroup");
        // "Bolt-default-executor": ProtocolManager's static map holds one RpcCommandHandler per protocol
        // (codes 1 and 2), each with a ProcessorManager and its pool of up to 20 core threads. Public getters.
        boltDefaultExecutor(RpcProtocol.PROTOCOL_CODE);
        boltDefaultExecutor(RpcProtocolV2.PROTOCOL_CODE);
        // "DefaultTimer10": the Netty HashedWheelTimer for invoke timeouts of every RpcClient (public getter).
        run("Bolt's TimerHolder timer", () -> TimerHolder.getTimer().stop());

        // JRaft. "JRaft-Group-Default-Executor-": the closures of every raft group that registered no pool
        // of its own (ThreadPoolsFactory.GlobalThreadPoolHolder.INSTANCE, private static final).
        executor("com.alipay.sofa.jraft.util.ThreadPoolsFactory$GlobalThreadPoolHolder", "INSTANCE");
        // "JRaft-Rpc-Closure-Executor-": RPC callbacks of JRaft's client service (RpcUtils, private static final).
        executor("com.alipay.sofa.jraft.rpc.RpcUtils", "RPC_CLOSURE_EXECUTOR");
        // "JRaft-Closure-Executor-": Utils.runClosureInThread, deprecated in JRaft but still used (private static).
        executor("com.alipay.sofa.jraft.util.Utils", "CLOSURE_EXECUTOR");
        // "Append-Entries-Thread-Send*": the replicators' send executors (Utils.getDefaultAppendEntriesExecutor).
        // Only when its threads ran: shutting down a never-used group would start each of its threads first.
        if (threadAlive("Append-Entries-Thread-Send")) {
            run("JRaft's append-entries executors", () -> {
                FixedThreadsExecutorGroup group = Utils.getDefaultAppendEntriesExecutor();
                // One by one: the group's own shutdownGracefully() stops at the first child that times out.
                for (SingleThreadExecutor child : group) {
                    child.shutdownGracefully(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                }
            });
        }
        // "read-index.timeout.scanner": the timer of ReadIndexClosure's timeouts (private static final).
        if (threadAlive("read-index.timeout.scanner")) {
            run("JRaft's read-index timeout timer", () -> {
                Object timer = staticField("com.alipay.sofa.jraft.closure.ReadIndexClosure$TimeoutScanner", "TIMER");
                if (timer instanceof com.alipay.sofa.jraft.util.timer.Timer t) {
                    t.stop();
                }
            });
        }
    }

    /** The bundles wired to this one that are starting or active, but the system bundle. */
    private static String activeUsers(BundleContext context) {
        BundleWiring wiring = context.getBundle().adapt(BundleWiring.class);
        if (wiring == null) {
            return "";
        }
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (BundleWire wire : wiring.getProvidedWires(null)) {
            Bundle user = wire.getRequirerWiring().getBundle();
            if (user.getBundleId() != 0 && user.getBundleId() != context.getBundle().getBundleId()
                    && (user.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0) {
                names.add(user.getSymbolicName());
            }
        }
        return String.join(", ", names);
    }

    private static boolean stopping(Bundle bundle) {
        return bundle != null && (bundle.getState() & (Bundle.STOPPING | Bundle.RESOLVED)) != 0;
    }

    private static void netty(String className, String fieldName) {
        run(className + "." + fieldName, () -> {
            Object group = staticField(className, fieldName);
            if (group instanceof EventExecutorGroup g) {
                // No quiet period: nothing may use these loops any more.
                g.shutdownGracefully(0, WAIT_MILLIS, TimeUnit.MILLISECONDS)
                        .awaitUninterruptibly(WAIT_MILLIS + 1_000, TimeUnit.MILLISECONDS);
            } else if (group != null) {
                LOG.warn("{}.{} is a {}, not a Netty event loop group: its threads stay", className, fieldName,
                        group.getClass().getName());
            }
        });
    }

    private static void boltDefaultExecutor(byte protocolCode) {
        run("Bolt's default executor of protocol " + protocolCode, () -> {
            Protocol protocol = ProtocolManager.getProtocol(ProtocolCode.fromBytes(protocolCode));
            CommandHandler handler = protocol == null ? null : protocol.getCommandHandler();
            if (handler != null) {
                stop(handler.getDefaultExecutor());
            }
        });
    }

    private static void executor(String className, String fieldName) {
        run(className + "." + fieldName, () -> {
            Object executor = staticField(className, fieldName);
            if (executor instanceof ExecutorService e) {
                stop(e);
            } else if (executor != null) {
                LOG.warn("{}.{} is a {}, not an ExecutorService: its threads stay", className, fieldName,
                        executor.getClass().getName());
            }
        });
    }

    private static void stop(ExecutorService executor) throws InterruptedException {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        if (!executor.awaitTermination(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
            LOG.warn("an executor of Bolt or JRaft did not end within {} ms: {}", WAIT_MILLIS, executor);
        }
    }

    /** The value of a static field, or null (with a warning) when this library version has no such field. */
    private static Object staticField(String className, String fieldName) throws IllegalAccessException {
        Field field;
        try {
            field = Class.forName(className, true, StaticExecutorsShutdown.class.getClassLoader())
                    .getDeclaredField(fieldName);
        } catch (ClassNotFoundException | NoSuchFieldException e) {
            LOG.warn("no static field {}.{} in this Bolt/JRaft version ({}): its threads, if any, stay", className,
                    fieldName, e.toString());
            return null;
        }
        if (!Modifier.isStatic(field.getModifiers())) {
            LOG.warn("{}.{} is no longer static: left alone", className, fieldName);
            return null;
        }
        field.setAccessible(true);
        return field.get(null);
    }

    private static boolean threadAlive(String namePrefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith(namePrefix));
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Runs one step; whatever it throws is logged, so that the other steps and the bundle's stop go on. */
    private static void run(String what, Step step) {
        try {
            step.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("interrupted while stopping {}", what);
        } catch (Exception | LinkageError e) {
            LOG.warn("could not stop {}: {}", what, e.toString());
        }
    }
}
