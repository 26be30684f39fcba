package io.weft.registry.session.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The session's Bolt client towards the cluster. */
class ClusterRpcTest {

    @Test
    @DisplayName("REG-36, 0021: a connection to a data server takes every batch the session may have on its way to it"
            + " before Bolt refuses a call as a write overflow")
    void writeBufferTakesEveryBatchInFlight() {
        try (ClusterRpc rpc = new ClusterRpc(ClusterHessian.SLOT, SessionCluster.MAX_REPLY_BYTES,
                (className, reason) -> { }, notice -> { })) {
            long inFlight = PublicationSync.MAX_CALLS_IN_FLIGHT * PublicationSync.MAX_BATCH_BYTES;
            assertTrue(rpc.writeBufferHighBytes() >= inFlight, "high-water mark " + rpc.writeBufferHighBytes()
                    + " bytes, calls on their way up to " + inFlight);
        }
    }
}
