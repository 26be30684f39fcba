package io.weft.api.drm;

/** A DRM administration call refused or failed; {@link #reason()} says which, the message says why. */
public class DrmException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** A name or value is malformed or too large. */
        INVALID,
        /** No such attribute in that instance. */
        UNKNOWN_ATTRIBUTE,
        /** The call conflicts with the attribute's state (e.g. a push while a gray release is open). */
        CONFLICT,
        /** The database could not be reached; nothing was changed. */
        UNAVAILABLE
    }

    private final Reason reason;

    public DrmException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public DrmException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
