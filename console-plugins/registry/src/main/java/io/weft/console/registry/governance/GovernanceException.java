package io.weft.console.registry.governance;

/** A governance change could not be saved or pushed; the message says which and why. */
public class GovernanceException extends Exception {

    private static final long serialVersionUID = 1L;

    public GovernanceException(String message) {
        super(message);
    }

    public GovernanceException(String message, Throwable cause) {
        super(message, cause);
    }
}
