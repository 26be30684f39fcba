package io.weft.registry.session.connection;

import com.alipay.remoting.AsyncContext;
import com.alipay.remoting.BizContext;
import com.alipay.remoting.rpc.protocol.AsyncUserProcessor;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;

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
 * <p>Once its server no longer takes requests (a stopping session handing its clients over, see
 * {@link BoltSessionServer#close(long)}) a request gets no answer: the client's call waits until the connection
 * closes, fails then, and the client sends the request again after reconnecting. An answer would let the client
 * send its next request at once, and a client busy sending when its connection closes can miss the closed
 * connection's removal from its pool and sleep 5-10 s before reconnecting.
 *
 * @param <T> the request class
 */
final class RequestProcessor<T> extends AsyncUserProcessor<T> {

    private final Class<T> type;
    private final BiFunction<T, String, Object> handler;
    private final BooleanSupplier taking;

    /** @param taking whether the server takes requests (false once it is closing) */
    RequestProcessor(Class<T> type, BiFunction<T, String, Object> handler, BooleanSupplier taking) {
        this.type = type;
        this.handler = handler;
        this.taking = taking;
    }

    @Override
    public void handleRequest(BizContext context, AsyncContext answer, T request) {
        if (!taking.getAsBoolean()) {
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
