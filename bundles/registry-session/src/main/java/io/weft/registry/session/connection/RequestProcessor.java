package io.weft.registry.session.connection;

import com.alipay.remoting.BizContext;
import com.alipay.remoting.rpc.protocol.SyncUserProcessor;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;

/**
 * Bolt's processor for one request class (RCP-2: the frame's class name routes it): hands the request and
 * the id of the connection it came on to {@code handler}, on the session's own executor. A body of another
 * class than the frame names is refused with a clear error (Bolt answers it with its error status); an empty
 * body reaches the handler as null.
 *
 * @param <T> the request class
 */
final class RequestProcessor<T> extends SyncUserProcessor<T> {

    private final Class<T> type;
    private final BiFunction<T, String, Object> handler;
    private final Executor executor;

    RequestProcessor(Class<T> type, BiFunction<T, String, Object> handler, Executor executor) {
        this.type = type;
        this.handler = handler;
        this.executor = executor;
    }

    @Override
    public Object handleRequest(BizContext context, T request) {
        // Bolt routes by the frame's class name and checks nothing more: the body may hold any allowed class.
        if (request != null && !type.isInstance(request)) {
            throw new IllegalArgumentException("the request body is a " + request.getClass().getName()
                    + ", not the " + type.getName() + " its frame names");
        }
        return handler.apply(request, ClientConnection.idOf(context.getConnection()));
    }

    @Override
    public String interest() {
        return type.getName();
    }

    @Override
    public Executor getExecutor() {
        return executor;
    }

    /** The loader Hessian reads the request with: this bundle's, which holds the model classes. */
    @Override
    public ClassLoader getBizClassLoader() {
        return type.getClassLoader();
    }
}
