package io.weft.registry.session.connection;

import com.alipay.remoting.BizContext;
import com.alipay.remoting.rpc.protocol.SyncUserProcessor;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;

/**
 * Bolt's processor for one request class (RCP-2: the frame's class name routes it): hands the request and
 * the id of the connection it came on to {@code handler}, on the session's own executor.
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
