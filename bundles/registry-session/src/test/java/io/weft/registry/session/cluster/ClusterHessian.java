package io.weft.registry.session.cluster;

import io.weft.codec.bolt.BoltHessianSlot;

/**
 * Bolt's Hessian codec byte for every cluster test of this JVM, owned as the codec bundle owns it in a node: the
 * data servers, the sessions and the fake meta register their classes with it. Bolt's serializer table is
 * JVM-wide, so they must all share one; it stays open for the whole run.
 */
final class ClusterHessian {

    static final BoltHessianSlot SLOT = BoltHessianSlot.open();

    private ClusterHessian() {
    }
}
