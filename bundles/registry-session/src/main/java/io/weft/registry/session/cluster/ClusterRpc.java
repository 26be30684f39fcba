package io.weft.registry.session.cluster;

import com.alipay.remoting.InvokeCallback;
import com.alipay.remoting.config.BoltClientOption;
import com.alipay.remoting.exception.RemotingException;
import com.alipay.remoting.rpc.RpcClient;
import io.weft.codec.bolt.BoltEventExecutor;
import io.weft.codec.bolt.BoltHessian;
import io.weft.codec.bolt.OneWayProcessor;
import io.weft.codec.hessian.SafeHessian;
import io.weft.registry.protocol.DatumChanged;
import io.weft.registry.protocol.DatumChangedBatch;
import io.weft.registry.protocol.ProtocolClasses;
import io.weft.registry.protocol.ViewChanged;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The session's Bolt client towards the cluster (decision record 0021): calls to the meta servers (9610) and the
 * data servers (9620) on one {@link RpcClient}, which keeps one connection per address, opened at the first call
 * (REG-50, REG-52; the seed's ten connections per data server are one here, as 0021 decided). The data servers'
 * one-way {@link DatumChanged} notices (alone or in a {@link DatumChangedBatch}) come back on those connections and
 * go to {@code notices}, one by one; the meta leader's {@link ViewChanged} notices go to {@code viewChanged}.
 *
 * <p>The protocol's classes are read through the node's {@link BoltHessian} (never Bolt's serializer table itself):
 * a {@link SafeHessian} allowing exactly {@link ProtocolClasses#ALLOWED}, loaded with the protocol bundle's class
 * loader, registered while this client is open. Bolt reads a reply on the calling thread with its context class
 * loader, so that loader is set around each call (decision record 0015).
 *
 * <p>Lifecycle: created started, {@link #close} once; close drops the connections and the Hessian registration.
 * Bolt's static executors stay (decision record 0015). Thread-safe.
 */
public final class ClusterRpc implements AsyncCalls, AutoCloseable {

    /**
     * Bolt refuses a call outright ("maybe write overflow") while the connection's unsent bytes are above this. Its
     * default, 64 KiB, is less than one batch of publications, so the second of the calls {@link PublicationSync}
     * may have on their way to a data server was refused whenever the first was still being written, and all its
     * publications waited for a pause and a probe. This takes them all.
     */
    static final int WRITE_BUFFER_HIGH_BYTES =
            (int) (2 * PublicationSync.MAX_CALLS_IN_FLIGHT * PublicationSync.MAX_BATCH_BYTES);
    /** Calls are taken again once the unsent bytes are down to this. */
    static final int WRITE_BUFFER_LOW_BYTES = WRITE_BUFFER_HIGH_BYTES / 2;

    private final RpcClient rpc = new RpcClient();
    private final BoltHessian.Registration hessianRegistration;

    /**
     * @param maxPayloadBytes the largest reply or notice body read
     * @param refused         told of every body the safe Hessian refused (Bolt answers those before any code of ours)
     * @param notices         gets each change notice, on Bolt's thread: it must only hand the notice on
     * @param viewChanged     run at each view notice of the meta leader, on Bolt's thread: it must only hand it on
     */
    public ClusterRpc(BoltHessian hessian, int maxPayloadBytes, BoltHessian.Refusals refused,
            Consumer<DatumChanged> notices, Runnable viewChanged) {
        hessianRegistration = hessian.register(
                new SafeHessian(ProtocolClasses.ALLOWED, maxPayloadBytes, ProtocolClasses.classLoader()), refused);
        // An empty notice, or one without a datum, tells nothing; a batch's notices are taken one by one.
        Consumer<DatumChanged> taken = notice -> {
            if (notice != null && notice.getDataInfoId() != null) {
                notices.accept(notice);
            }
        };
        rpc.registerUserProcessor(new OneWayProcessor<>(DatumChanged.class, ProtocolClasses.classLoader(), taken));
        rpc.registerUserProcessor(new OneWayProcessor<>(DatumChangedBatch.class, ProtocolClasses.classLoader(),
                batch -> {
                    if (batch.getNotices() != null) {
                        batch.getNotices().forEach(taken);
                    }
                }));
        rpc.registerUserProcessor(new OneWayProcessor<>(ViewChanged.class, ProtocolClasses.classLoader(),
                notice -> viewChanged.run()));
        rpc.option(BoltClientOption.NETTY_BUFFER_LOW_WATER_MARK, WRITE_BUFFER_LOW_BYTES);
        rpc.option(BoltClientOption.NETTY_BUFFER_HIGH_WATER_MARK, WRITE_BUFFER_HIGH_BYTES);
        try {
            rpc.startup();
        } catch (RuntimeException e) {
            hessianRegistration.close();
            throw e;
        }
    }

    /**
     * Calls and waits at most {@code timeoutMillis} for the reply.
     *
     * @throws CallFailedException if no reply of {@code replyType} came
     */
    public <R> R call(String address, Object request, Class<R> replyType, int timeoutMillis)
            throws CallFailedException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ProtocolClasses.classLoader());
        Object reply;
        try {
            reply = rpc.invokeSync(address, request, timeoutMillis);
        } catch (RemotingException e) {
            throw new CallFailedException(what(request, address) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            thread.interrupt();
            throw new CallFailedException(what(request, address) + " interrupted", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
        return typed(() -> what(request, address), reply, replyType);
    }

    /**
     * Calls without waiting for the reply; {@code done} gets the reply or the failure (the other one null), on
     * Bolt's callback thread or, when the call cannot even be sent, on this one; never a throw. Opening a connection
     * to a new address still happens on this thread (Bolt's connect timeout bounds it).
     */
    @Override
    public <R> void callAsync(String address, Object request, Class<R> replyType, int timeoutMillis,
            BiConsumer<R, CallFailedException> done) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Bolt remembers the caller's context class loader and reads the reply with it.
        thread.setContextClassLoader(ProtocolClasses.classLoader());
        try {
            rpc.invokeWithCallback(address, request, new InvokeCallback() {
                @Override
                public void onResponse(Object result) {
                    R typedReply;
                    try {
                        typedReply = typed(() -> what(request, address), result, replyType);
                    } catch (CallFailedException e) {
                        done.accept(null, e);
                        return;
                    }
                    done.accept(typedReply, null);
                }

                @Override
                public void onException(Throwable e) {
                    done.accept(null, new CallFailedException(what(request, address) + " failed: " + e, e));
                }

                @Override
                public Executor getExecutor() {
                    return null;
                }
            }, timeoutMillis);
        } catch (RemotingException e) {
            done.accept(null, new CallFailedException(what(request, address) + " failed: " + e.getMessage(), e));
        } catch (InterruptedException e) {
            thread.interrupt();
            done.accept(null, new CallFailedException(what(request, address) + " interrupted", e));
        } catch (RuntimeException e) {
            // Bolt throws unchecked too (a closed client, a codec that refuses the request); unanswered, the caller
            // would wait for this call for good.
            done.accept(null, new CallFailedException(what(request, address) + " not sent: " + e, e));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The unsent bytes above which Bolt refuses a call, as this client's connections are opened with it. */
    int writeBufferHighBytes() {
        return rpc.option(BoltClientOption.NETTY_BUFFER_HIGH_WATER_MARK);
    }

    /**
     * @param what names the call in the failure's message; asked only then
     * @throws CallFailedException if {@code reply} is not a {@code replyType}
     */
    static <R> R typed(Supplier<String> what, Object reply, Class<R> replyType) throws CallFailedException {
        if (!replyType.isInstance(reply)) {
            throw new CallFailedException(what.get() + " was answered with "
                    + (reply == null ? "nothing" : "a " + reply.getClass().getName()) + ", not a "
                    + replyType.getSimpleName(), null);
        }
        return replyType.cast(reply);
    }

    /** The call, for a failure's message. */
    static String what(Object request, String address) {
        return request.getClass().getSimpleName() + " to " + address;
    }

    @Override
    public void close() {
        try {
            rpc.shutdown();
            // Bolt's shutdown leaves the client's connection event thread running.
            BoltEventExecutor.shutdown(rpc);
        } finally {
            hessianRegistration.close();
        }
    }
}
