package io.weft.registry.data;

import io.weft.codec.bolt.BoltHessianSlot;

/**
 * Bolt's Hessian codec byte for the tests of this JVM, owned as the codec bundle owns it in a node. Open for
 * the whole run: the fake metas and test sessions read the protocol's classes through the registrations of the
 * data servers under test, as peers in one node would.
 */
final class TestHessian {

    static final BoltHessianSlot SLOT = BoltHessianSlot.open();

    private TestHessian() {
    }
}
