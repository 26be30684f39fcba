package io.weft.codec.bolt;

import java.lang.reflect.Field;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the {@code Bolt-conn-event-executor} thread of one Bolt {@code RpcServer} or {@code RpcClient}.
 *
 * <p>Why: Bolt 1.6.7 gives every server and client a {@code ConnectionEventHandler} with a one-thread pool
 * for connection events. Its thread starts with the first connection and never ends: the pool keeps its core
 * thread, and neither {@code shutdown()} nor any other API stops it (decision record 0015). The owner of the
 * server or client calls this after its {@code shutdown()}. The pool is not shut down, only let to time out, so
 * that the close events that follow the shutdown still run instead of being refused with an error log. The fields are private, so this reads them by
 * reflection; with a Bolt that no longer has them it logs a warning and returns.
 */
public final class BoltEventExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(BoltEventExecutor.class);

    /** How long the thread outlives the last connection event once its owner is closed. */
    private static final long IDLE_MILLIS = 500;

    private BoltEventExecutor() {
    }

    /**
     * Lets the connection event thread of {@code remoting}, a {@code com.alipay.remoting.rpc.RpcServer} or
     * {@code RpcClient} (or a subclass) that was shut down, end by itself once the last connection events ran
     * (within a second). Never throws.
     */
    public static void shutdown(Object remoting) {
        if (remoting == null) {
            return;
        }
        try {
            Object handler = field(remoting, "connectionEventHandler");
            Object eventExecutor = handler == null ? null : field(handler, "eventExecutor");
            Object executor = eventExecutor == null ? null : field(eventExecutor, "executor");
            if (executor instanceof ThreadPoolExecutor pool) {
                // Not shutdown(): the close events of the connections the owner just closed reach the pool a
                // moment later from Netty's threads, and a shut-down pool refuses them with an error log. A core
                // thread that times out runs them and then ends by itself, IDLE_MILLIS after the last one.
                pool.setKeepAliveTime(IDLE_MILLIS, TimeUnit.MILLISECONDS);
                pool.allowCoreThreadTimeOut(true);
            } else if (executor != null) {
                LOG.warn("Bolt's connection event executor of {} is a {}: its thread stays", remoting,
                        executor.getClass().getName());
            }
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
