package io.weft.registry.session.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alipay.remoting.BizContext;
import com.alipay.remoting.rpc.RpcServer;
import io.weft.codec.bolt.BoltHessian;
import io.weft.codec.hessian.SafeHessian;
import io.weft.registry.protocol.ClusterView;
import io.weft.registry.protocol.DatumChanged;
import io.weft.registry.protocol.DatumChangedBatch;
import io.weft.registry.protocol.Ping;
import io.weft.registry.protocol.ProtocolClasses;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The session's Bolt client towards the cluster. */
class ClusterRpcTest {

    @Test
    @DisplayName("REG-36, 0021: a connection to a data server takes every batch the session may have on its way to it"
            + " before Bolt refuses a call as a write overflow")
    void writeBufferTakesEveryBatchInFlight() {
        try (ClusterRpc rpc = new ClusterRpc(ClusterHessian.SLOT, SessionCluster.MAX_REPLY_BYTES,
                (className, reason) -> { }, notice -> { }, () -> { })) {
            long inFlight = PublicationSync.MAX_CALLS_IN_FLIGHT * PublicationSync.MAX_BATCH_BYTES;
            assertTrue(rpc.writeBufferHighBytes() >= inFlight, "high-water mark " + rpc.writeBufferHighBytes()
                    + " bytes, calls on their way up to " + inFlight);
        }
    }

    @Test
    @DisplayName("REG-36: a call the transport cannot even take (the client is closed) is answered as failed, not"
            + " thrown, so no caller waits for it")
    void callThatCannotBeSentIsAnsweredAsFailed() {
        ClusterRpc rpc = new ClusterRpc(ClusterHessian.SLOT, SessionCluster.MAX_REPLY_BYTES,
                (className, reason) -> { }, notice -> { }, () -> { });
        rpc.close();
        AtomicReference<CallFailedException> failure = new AtomicReference<>();
        rpc.callAsync("127.0.0.1:1", new Ping(), ClusterView.class, 1_000, (reply, failed) -> failure.set(failed));
        assertNotNull(failure.get(), "answered at once, on this thread");
    }

    @Test
    @DisplayName("REG-37, 0027: change notices that come in a DatumChangedBatch reach the session one by one, in"
            + " the batch's order, as those that come alone do; entries without a datum are passed over")
    void batchedNoticesArriveOneByOne() throws Exception {
        List<DatumChanged> received = new CopyOnWriteArrayList<>();
        RpcServer dataServer = new RpcServer("127.0.0.1", 0, true);
        BoltHessian.Registration hessian = ClusterHessian.SLOT.register(
                new SafeHessian(ProtocolClasses.ALLOWED, 16 * 1024 * 1024, ProtocolClasses.classLoader()));
        dataServer.registerUserProcessor(new ProtocolProcessor<Ping>(Ping.class) {
            @Override
            public Object handleRequest(BizContext context, Ping ping) throws Exception {
                DatumChangedBatch batch = new DatumChangedBatch();
                batch.getNotices().add(notice("a", 1));
                batch.getNotices().add(null);
                batch.getNotices().add(notice(null, 2));
                batch.getNotices().add(notice("b", 3));
                dataServer.oneway(context.getConnection(), batch);
                dataServer.oneway(context.getConnection(), notice("c", 4));
                return new ClusterView();
            }
        });
        dataServer.startup();
        try (ClusterRpc rpc = new ClusterRpc(ClusterHessian.SLOT, SessionCluster.MAX_REPLY_BYTES,
                (className, reason) -> { }, received::add, () -> { })) {
            rpc.call("127.0.0.1:" + dataServer.port(), new Ping(), ClusterView.class, 5_000);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (received.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            List<String> got = received.stream().map(n -> n.getDataInfoId() + " v" + n.getVersion()).toList();
            // Bolt hands each frame to its own pool thread: the single notice may come first; a batch keeps its order.
            assertEquals(List.of("a v1", "b v3"), got.stream().filter(n -> !n.equals("c v4")).toList());
            assertEquals(3, got.size(), got.toString());
            assertTrue(got.contains("c v4"), got.toString());
        } finally {
            dataServer.shutdown();
            hessian.close();
        }
    }

    private static DatumChanged notice(String dataInfoId, long version) {
        DatumChanged notice = new DatumChanged();
        notice.setDataInfoId(dataInfoId);
        notice.setVersion(version);
        return notice;
    }
}
