package io.weft.api.acvip;

import java.io.IOException;

/** No configured ACVIP endpoint answered, and nothing was cached to fall back on. */
public final class AcvipUnavailableException extends IOException {

    private static final long serialVersionUID = 1L;

    public AcvipUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
