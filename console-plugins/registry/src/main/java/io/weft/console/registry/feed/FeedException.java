package io.weft.console.registry.feed;

/** A session's feed could not be read: unreachable, an error answer, or a body that is not a snapshot. */
public class FeedException extends Exception {

    private static final long serialVersionUID = 1L;

    public FeedException(String message) {
        super(message);
    }

    public FeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
