package io.weft.registry.session.cluster;

import io.weft.registry.protocol.DatumChanged;
import io.weft.registry.protocol.inprocess.InProcessDataPort;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The session's calls to the data servers (decision record 0025): a call to the data server of this node, when it
 * offers its {@link InProcessDataPort}, is handed to it as an object; any other goes over Bolt. The in-process call
 * keeps what the wire promises the callers: the same replies, a failure when the data server cannot take it, and
 * a timeout after {@code timeoutMillis} (a data server stopping drops the calls it had not started).
 *
 * <p>While it uses a port, this session is attached to it for the change notices, which then come as objects too.
 *
 * <p>Thread-safe.
 */
final class DataCalls implements AsyncCalls, AutoCloseable {

    private final AsyncCalls wire;
    private final ScheduledExecutorService timer;
    private final String name;
    private final Consumer<DatumChanged> notices;

    private volatile InProcessDataPort local;
    private InProcessDataPort.Attachment attachment;

    /**
     * @param wire    the calls over Bolt
     * @param timer   runs the timeouts of in-process calls (and the failure they report)
     * @param name    what the data server calls this session
     * @param notices gets the in-process change notices, on the data server's thread: it must only hand them on
     */
    DataCalls(AsyncCalls wire, ScheduledExecutorService timer, String name, Consumer<DatumChanged> notices) {
        this.wire = wire;
        this.timer = timer;
        this.name = name;
        this.notices = notices;
    }

    /** Calls {@code port}'s data server in-process from now on; null: every call over Bolt. */
    synchronized void use(InProcessDataPort port) {
        if (port == local) {
            return;
        }
        detach();
        if (port != null) {
            attachment = port.attach(name, notices);
        }
        local = port;
    }

    @Override
    public <R> void callAsync(String address, Object request, Class<R> replyType, int timeoutMillis,
            BiConsumer<R, CallFailedException> done) {
        InProcessDataPort port = local;
        if (port == null || !address.equals(port.address())) {
            wire.callAsync(address, request, replyType, timeoutMillis, done);
            return;
        }
        AtomicBoolean answered = new AtomicBoolean();
        BiConsumer<R, CallFailedException> once = (reply, failure) -> {
            if (answered.compareAndSet(false, true)) {
                done.accept(reply, failure);
            }
        };
        ScheduledFuture<?> timeout;
        try {
            timeout = timer.schedule(() -> once.accept(null, new CallFailedException(what(request, address)
                    + " not answered within " + timeoutMillis + " ms", null)), timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            once.accept(null, new CallFailedException(what(request, address) + " not sent: the session is stopping",
                    closing));
            return;
        }
        port.call(request).whenComplete((reply, failure) -> {
            timeout.cancel(false);
            if (failure != null) {
                once.accept(null, new CallFailedException(what(request, address) + " failed: "
                        + failure.getMessage(), failure));
                return;
            }
            R typed;
            try {
                typed = ClusterRpc.typed(() -> what(request, address), reply, replyType);
            } catch (CallFailedException e) {
                once.accept(null, e);
                return;
            }
            once.accept(typed, null);
        });
    }

    /** The call, for a failure's message; made only when one is reported (every call comes this way). */
    private static String what(Object request, String address) {
        return ClusterRpc.what(request, address) + " (in-process)";
    }

    private void detach() {
        if (attachment != null) {
            attachment.close();
            attachment = null;
        }
    }

    /** Detaches from the port's notices; calls go over Bolt afterwards. */
    @Override
    public synchronized void close() {
        detach();
        local = null;
    }
}
