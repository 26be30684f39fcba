package io.weft.drm.client.pull;

/** No drmdata endpoint served the value; the message names each endpoint's answer. */
public final class PullException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    public PullException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    /**
     * Whether trying again soon may succeed: no endpoint answered (overloaded or restarting nodes, no
     * endpoint known yet). A refusal (bad token, unknown attribute) is the same on every node: not retryable.
     */
    public boolean retryable() {
        return retryable;
    }
}
