package io.weft.registry.session.cluster;

import com.alipay.remoting.rpc.protocol.SyncUserProcessor;
import io.weft.registry.protocol.ProtocolClasses;

/** A test server's Bolt processor of one cluster protocol request, read with the protocol bundle's classes. */
abstract class ProtocolProcessor<T> extends SyncUserProcessor<T> {

    private final Class<?> type;

    ProtocolProcessor(Class<?> type) {
        this.type = type;
    }

    @Override
    public String interest() {
        return type.getName();
    }

    @Override
    public ClassLoader getBizClassLoader() {
        return ProtocolClasses.classLoader();
    }
}
