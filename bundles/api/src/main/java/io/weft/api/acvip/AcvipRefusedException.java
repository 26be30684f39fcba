package io.weft.api.acvip;

import java.io.IOException;

/**
 * An ACVIP node refused a registration or unregistration for want of a valid OSP signature: HTTP 401
 * (none sent) or 403 (see "Signing register and unregister" in {@link AcvipProtocol}).
 */
public final class AcvipRefusedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reason;

    public AcvipRefusedException(String message, int status, String reason) {
        super(message);
        this.status = status;
        this.reason = reason == null ? "" : reason;
    }

    /** 401 or 403. */
    public int status() {
        return status;
    }

    /** The node's reason, e.g. {@code BAD_SIGNATURE}, {@code PERMISSION_DENIED}; empty if it named none. */
    public String reason() {
        return reason;
    }
}
