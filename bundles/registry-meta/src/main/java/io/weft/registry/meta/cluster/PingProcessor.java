package io.weft.registry.meta.cluster;

import com.alipay.remoting.BizContext;
import com.alipay.remoting.rpc.protocol.SyncUserProcessor;

import io.weft.registry.protocol.Ping;
import io.weft.registry.protocol.ProtocolClasses;

/** A {@link Ping} from a server that heartbeats to another member: who leads, and the members. */
final class PingProcessor extends SyncUserProcessor<Ping> {

    private final int port;
    private final ClusterViews views;

    PingProcessor(int port, ClusterViews views) {
        this.port = port;
        this.views = views;
    }

    @Override
    public Object handleRequest(BizContext context, Ping ping) {
        return views.ping(port);
    }

    @Override
    public String interest() {
        return Ping.class.getName();
    }

    @Override
    public ClassLoader getBizClassLoader() {
        return ProtocolClasses.classLoader();
    }
}
