package io.weft.codec.bolt;

import java.util.Objects;
import java.util.function.Consumer;

import com.alipay.remoting.BizContext;
import com.alipay.remoting.rpc.protocol.SyncUserProcessor;

/**
 * A Bolt processor for a one-way message of one class (a notice: nothing is answered). Hands each message to its
 * handler on Bolt's thread, so the handler must only pass it on. Bolt reads the body with this processor's
 * {@code getBizClassLoader()}, which is the loader given here: the one that defines the message's class (decision
 * record 0015).
 *
 * @param <T> the message class, whose name Bolt routes by
 */
public final class OneWayProcessor<T> extends SyncUserProcessor<T> {

    private final Class<T> type;
    private final ClassLoader classLoader;
    private final Consumer<T> handler;

    public OneWayProcessor(Class<T> type, ClassLoader classLoader, Consumer<T> handler) {
        this.type = Objects.requireNonNull(type, "type");
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** An empty body tells nothing and is dropped. */
    @Override
    public Object handleRequest(BizContext context, T message) {
        if (message != null) {
            handler.accept(message);
        }
        return null;
    }

    @Override
    public String interest() {
        return type.getName();
    }

    @Override
    public ClassLoader getBizClassLoader() {
        return classLoader;
    }
}
