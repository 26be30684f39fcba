package io.weft.drm.client.pull;

/** No drmdata endpoint served the value; the message names each endpoint's answer. */
public final class PullException extends Exception {

    private static final long serialVersionUID = 1L;

    public PullException(String message) {
        super(message);
    }
}
