package io.weft.codec.bolt;

import java.lang.reflect.Field;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the {@code Bolt-conn-event-executor} thread of one Bolt {@code RpcServer} or {@code RpcClient}.
 *
 * <p>Why: Bolt 1.6.7 gives every server and client a {@code ConnectionEventHandler} with a one-thread pool
 * for connection events. Its thread starts with the first connection and never ends: the pool keeps its core
 * thread, and neither {@code shutdown()} nor any other API stops it (decision record 0015). The owner of the
 * server or client calls this after its {@code shutdown()}. The fields are private, so this reads them by
 * reflection; with a Bolt that no longer has them it logs a warning and returns.
 */
public final class BoltEventExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(BoltEventExecutor.class);

    private static final long WAIT_MILLIS = 2_000;

    private BoltEventExecutor() {
    }

    /**
     * Shuts down the connection event thread of {@code remoting}, a {@code com.alipay.remoting.rpc.RpcServer} or
     * {@code RpcClient} (or a subclass) that was shut down, after the owner closed its connections; waits briefly for the thread to end. Never throws.
     */
    public static void shutdown(Object remoting) {
        if (remoting == null) {
            return;
        }
        try {
            Object handler = field(remoting, "connectionEventHandler");
            Object eventExecutor = handler == null ? null : field(handler, "eventExecutor");
            Object executor = eventExecutor == null ? null : field(eventExecutor, "executor");
            if (executor instanceof ExecutorService pool) {
                // Graceful: the events already queued (the close of the connections the owner just closed) still run.
                pool.shutdown();
                if (!pool.awaitTermination(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    LOG.warn("Bolt's connection event thread of {} did not end within {} ms", remoting, WAIT_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("cannot stop Bolt's connection event thread of {} (another Bolt version?): {}",
                    remoting.getClass().getName(), e.toString());
        }
    }

    /** The value of the instance field {@code name} declared by the object's class or a superclass. */
    private static Object field(Object target, String name) throws ReflectiveOperationException {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(target);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(target.getClass().getName() + "." + name);
    }
}
