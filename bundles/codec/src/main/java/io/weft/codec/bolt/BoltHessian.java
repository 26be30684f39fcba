package io.weft.codec.bolt;

import io.weft.codec.hessian.SafeHessian;

/**
 * Bolt's Hessian codec byte, shared by every bundle of the node that serves or calls Bolt with Hessian bodies
 * (the session's client port, the registry's cluster ports). Bolt keeps one serializer per codec byte for the
 * whole framework, so no bundle may install its own there: each registers the classes it reads, and the
 * frame's class name picks whose {@link SafeHessian} (allow list, limits, class loader) reads the body.
 * Available as an OSGi service; {@link BoltHessianSlot} is the same outside OSGi.
 */
public interface BoltHessian {

    /**
     * Reads frames whose class name one of {@code hessian}'s allowed prefixes matches (the most specific
     * prefix of all registrations wins) with {@code hessian}, until the returned handle is closed.
     *
     * @param hessian its class loader (see {@link SafeHessian}'s constructor) must see the classes it allows,
     *        since the thread Bolt reads on may have any context class loader
     */
    Registration register(SafeHessian hessian);

    /** Undoes one {@link #register}; closing twice does nothing. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
