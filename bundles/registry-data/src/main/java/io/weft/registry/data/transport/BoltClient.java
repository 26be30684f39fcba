package io.weft.registry.data.transport;

import com.alipay.remoting.InvokeCallback;
import com.alipay.remoting.exception.RemotingException;
import com.alipay.remoting.rpc.RpcClient;
import io.weft.codec.bolt.BoltEventExecutor;
import io.weft.codec.bolt.OneWayProcessor;
import io.weft.registry.protocol.ProtocolClasses;
import io.weft.registry.protocol.ViewChanged;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The data server's outbound Bolt calls: to the meta servers (9611) and to other data servers (9621). Bolt keeps
 * one connection per address, opened at the first call. Replies are read on the calling thread, so the protocol's
 * class loader is made the context class loader around each call (decision record 0015).
 *
 * <p>Lifecycle: created started, {@link #close} once. Thread-safe.
 */
public final class BoltClient implements AutoCloseable {

    private final RpcClient rpc = new RpcClient();
    private final int timeoutMillis;

    /** @param timeoutMillis how long a call waits for its reply */
    public BoltClient(int timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
        rpc.startup();
    }

    /**
     * Runs {@code listener} at each {@link ViewChanged} notice the meta leader sends on a connection of this client
     * (a heartbeat asked for them), on Bolt's thread: it must only hand the notice on.
     */
    public void onViewChanged(Runnable listener) {
        rpc.registerUserProcessor(new OneWayProcessor<>(ViewChanged.class, ProtocolClasses.classLoader(),
                notice -> listener.run()));
    }

    /**
     * @return the reply, of {@code replyType}
     * @throws CallFailedException if no reply of that type came
     */
    public <R> R call(String address, Object request, Class<R> replyType) throws CallFailedException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ProtocolClasses.classLoader());
        Object reply;
        try {
            reply = rpc.invokeSync(address, request, timeoutMillis);
        } catch (RemotingException e) {
            throw new CallFailedException(request.getClass().getSimpleName() + " to " + address + " failed: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            thread.interrupt();
            throw new CallFailedException(request.getClass().getSimpleName() + " to " + address + " interrupted", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
        if (!replyType.isInstance(reply)) {
            throw new CallFailedException(request.getClass().getSimpleName() + " to " + address + " was answered with "
                    + (reply == null ? "nothing" : "a " + reply.getClass().getName()) + ", not a "
                    + replyType.getSimpleName(), null);
        }
        return replyType.cast(reply);
    }

    /**
     * Sends without waiting; {@code done} gets the reply, or the failure, on Bolt's callback thread. Used where a
     * slow peer must not hold up the caller (pings to meta followers).
     */
    public void callAsync(String address, Object request, Consumer<Object> reply, Consumer<Throwable> failure) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Bolt remembers the caller's context class loader and reads the reply with it.
        thread.setContextClassLoader(ProtocolClasses.classLoader());
        try {
            rpc.invokeWithCallback(address, request, new InvokeCallback() {
                @Override
                public void onResponse(Object result) {
                    reply.accept(result);
                }

                @Override
                public void onException(Throwable e) {
                    failure.accept(e);
                }

                @Override
                public Executor getExecutor() {
                    return null;
                }
            }, timeoutMillis);
        } catch (RemotingException e) {
            failure.accept(e);
        } catch (InterruptedException e) {
            thread.interrupt();
            failure.accept(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void close() {
        rpc.shutdown();
        // Bolt's shutdown leaves the client's connection event thread running.
        BoltEventExecutor.shutdown(rpc);
    }
}
