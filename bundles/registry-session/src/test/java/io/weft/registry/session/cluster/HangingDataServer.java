package io.weft.registry.session.cluster;

import com.alipay.remoting.BizContext;
import com.alipay.remoting.config.BoltServerOption;
import com.alipay.remoting.rpc.RpcServer;
import io.weft.codec.bolt.BoltHessian;
import io.weft.codec.hessian.SafeHessian;
import io.weft.registry.protocol.ClientOffRequest;
import io.weft.registry.protocol.GetDatumRequest;
import io.weft.registry.protocol.GetDatumVersionsRequest;
import io.weft.registry.protocol.ProtocolClasses;
import io.weft.registry.protocol.PublicationBatch;
import io.weft.registry.protocol.SessionLeaseRenew;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A data server that is hung: its port takes connections and requests, and nothing is ever answered (a process in a
 * GC spiral or on a stalled disk looks so). Requests wait until it is closed.
 */
final class HangingDataServer implements AutoCloseable {

    private final RpcServer server = new RpcServer("127.0.0.1", 0, true);
    private final BoltHessian.Registration hessian;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();

    HangingDataServer() {
        hessian = ClusterHessian.SLOT.register(
                new SafeHessian(ProtocolClasses.ALLOWED, 16 * 1024 * 1024, ProtocolClasses.classLoader()));
        server.option(BoltServerOption.SERVER_SYNC_STOP, true);
        for (Class<?> type : List.of(GetDatumRequest.class, GetDatumVersionsRequest.class, SessionLeaseRenew.class,
                PublicationBatch.class, ClientOffRequest.class)) {
            server.registerUserProcessor(new Hang(type));
        }
        server.startup();
    }

    String address() {
        return "127.0.0.1:" + server.port();
    }

    /** How many requests it took. */
    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        closed.countDown();
        server.shutdown();
        hessian.close();
    }

    private final class Hang extends ProtocolProcessor<Object> {

        Hang(Class<?> type) {
            super(type);
        }

        @Override
        public Object handleRequest(BizContext context, Object request) throws InterruptedException {
            requests.incrementAndGet();
            closed.await(60, TimeUnit.SECONDS);
            return null;
        }
    }
}
