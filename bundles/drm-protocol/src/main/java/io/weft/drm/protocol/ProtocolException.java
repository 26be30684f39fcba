package io.weft.drm.protocol;

/** A frame that is not a valid DRM message. The code is sent back in an {@link ErrorReply}. */
public final class ProtocolException extends Exception {

    public static final String MALFORMED_FRAME = "MALFORMED_FRAME";
    public static final String FRAME_TOO_LARGE = "FRAME_TOO_LARGE";

    private static final long serialVersionUID = 1L;

    private final String code;

    public ProtocolException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
