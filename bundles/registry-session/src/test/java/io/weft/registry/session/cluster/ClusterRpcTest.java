package io.weft.registry.session.cluster;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.registry.protocol.ClusterView;
import io.weft.registry.protocol.Ping;
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
}
