package io.weft.registry.session.cluster;

/** A call to a meta or data server got no usable reply: unreachable, timed out, or answered with an error status. */
public final class CallFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    public CallFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
