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
     * prefix of all registrations wins, and of equal ones the latest registered, since package version 1.4: a
     * restarted service takes its classes over from its previous instance at once) with {@code hessian}, until the
     * returned handle is closed.
     *
     * @param hessian its class loader (see {@link SafeHessian}'s constructor) must see the classes it allows,
     *        since the thread Bolt reads on may have any context class loader
     */
    default Registration register(SafeHessian hessian) {
        return register(hessian, (className, reason) -> { });
    }

    /**
     * As {@link #register(SafeHessian)}, and tells {@code refused} of every body of its classes that
     * {@code hessian} refuses (Bolt then answers with its own error status, before any processor runs, so
     * this is where a service can count and log them).
     */
    Registration register(SafeHessian hessian, Refusals refused);

    /** Hears of refused bodies; called on Bolt's threads, so it must not block. */
    @FunctionalInterface
    interface Refusals {
        void refused(String className, String reason);
    }

    /** Undoes one {@link #register}; closing twice does nothing. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
