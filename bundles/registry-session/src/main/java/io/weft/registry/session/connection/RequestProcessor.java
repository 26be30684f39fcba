package io.weft.registry.session.connection;

import com.alipay.remoting.AsyncContext;
import com.alipay.remoting.BizContext;
import com.alipay.remoting.rpc.protocol.AsyncUserProcessor;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Bolt's processor for one request class (RCP-2: the frame's class name routes it): hands the request and
 * the id of the connection it came on to {@code handler}, on the connection's I/O thread, and answers with what
 * the handler returns. Every handler only changes memory and queues the rest (pushes, writes to the data servers)
 * for threads of their own, and the signature check answers from memory or a local database (its contract), so
 * nothing here waits on the network; and the client sends one request at a time and waits for its answer
 * ({@code invokeSync}), so two hand-offs between threads per request would be most of a registration's round trip
 * on a busy machine. A body of another class than the frame names is refused with a clear error (Bolt answers it
 * with its error status); an empty body reaches the handler as null.
 *
 * <p>While its server stops, the {@linkplain RequestPolicy policy} changes (see {@link ClientHandOver}): a request
 * is then acknowledged without being applied, and in the last moment before the connections close it gets no
 * answer.
 *
 * @param <T> the request class
 */
final class RequestProcessor<T> extends AsyncUserProcessor<T> {

    private final Class<T> type;
    private final BiFunction<T, String, Object> handler;
    private final Function<Object, Object> acknowledgement;
    private final Supplier<RequestPolicy> policy;

    /**
     * @param handler         applies a request from a connection and returns the answer
     * @param acknowledgement the answer to a request acknowledged and not applied; it may be read with the next
     *                        session's copy of the request class (see {@link HandOverAnswer})
     * @param policy          what to do with a request now
     */
    RequestProcessor(Class<T> type, BiFunction<T, String, Object> handler, Function<Object, Object> acknowledgement,
            Supplier<RequestPolicy> policy) {
        this.type = type;
        this.handler = handler;
        this.acknowledgement = acknowledgement;
        this.policy = policy;
    }

    @Override
    public void handleRequest(BizContext context, AsyncContext answer, T request) {
        RequestPolicy now = policy.get();
        if (now == RequestPolicy.HOLD) {
            return;
        }
        if (now == RequestPolicy.ACKNOWLEDGE) {
            answer.sendResponse(acknowledgement.apply(request));
            return;
        }
        // Bolt routes by the frame's class name and checks nothing more: the body may hold any allowed class.
        if (request != null && !type.isInstance(request)) {
            throw new IllegalArgumentException("the request body is a " + request.getClass().getName()
                    + ", not the " + type.getName() + " its frame names");
        }
        answer.sendResponse(handler.apply(request, ClientConnection.idOf(context.getConnection())));
    }

    @Override
    public String interest() {
        return type.getName();
    }

    @Override
    public boolean processInIOThread() {
        return true;
    }

    /** The loader Hessian reads the request with: this bundle's, which holds the model classes. */
    @Override
    public ClassLoader getBizClassLoader() {
        return type.getClassLoader();
    }
}
