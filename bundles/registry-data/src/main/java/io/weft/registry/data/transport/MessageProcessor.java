package io.weft.registry.data.transport;

import com.alipay.remoting.BizContext;
import com.alipay.remoting.Connection;
import com.alipay.remoting.rpc.protocol.SyncUserProcessor;
import io.weft.registry.protocol.ProtocolClasses;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Bolt's processor for one request class of decision record 0021 (the class name is Bolt's interest). Hands the
 * request and its connection to {@code handler} on the data server's workers. A refused request never throws across
 * the wire: an empty body, a body of another class than the frame names, or a handler failure is answered with
 * {@code refusal}'s reply ({@code success=false} and the reason).
 *
 * @param <T> the request class
 */
final class MessageProcessor<T> extends SyncUserProcessor<T> {

    private final Class<T> type;
    private final BiFunction<T, Connection, Object> handler;
    private final Function<String, Object> refusal;
    private final Executor executor;

    MessageProcessor(Class<T> type, BiFunction<T, Connection, Object> handler, Function<String, Object> refusal,
            Executor executor) {
        this.type = type;
        this.handler = handler;
        this.refusal = refusal;
        this.executor = executor;
    }

    @Override
    public Object handleRequest(BizContext context, T request) {
        if (request == null) {
            return refusal.apply("empty " + type.getSimpleName());
        }
        // Bolt routes by the frame's class name and checks nothing more: the body may hold any allowed class.
        if (!type.isInstance(request)) {
            return refusal.apply("the body is a " + request.getClass().getName() + ", not the "
                    + type.getName() + " its frame names");
        }
        try {
            return handler.apply(request, context.getConnection());
        } catch (RuntimeException e) {
            return HandlerFailures.refused(type, refusal, e);
        }
    }

    @Override
    public String interest() {
        return type.getName();
    }

    @Override
    public Executor getExecutor() {
        return executor;
    }

    /** Hessian reads the request with the loader that sees the protocol classes (decision record 0015). */
    @Override
    public ClassLoader getBizClassLoader() {
        return ProtocolClasses.classLoader();
    }
}
