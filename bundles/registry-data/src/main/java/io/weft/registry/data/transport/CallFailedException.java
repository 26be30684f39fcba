package io.weft.registry.data.transport;

/** An outbound call got no usable reply: the peer is unreachable, timed out, or answered with an error status. */
public final class CallFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    public CallFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
