package io.weft.drm.protocol;

/**
 * Either side: the frame with {@code requestId} (0 when unknown) could not be handled. Sent before
 * closing a connection for a malformed frame, so the other side can log why.
 *
 * @param code    {@code MALFORMED_FRAME}, {@code FRAME_TOO_LARGE}, {@code NOT_REGISTERED},
 *                {@code BAD_REQUEST}, {@code UNAVAILABLE}, {@code INTERNAL}
 * @param message what was wrong, for the other side's log
 */
public record ErrorReply(long requestId, String code, String message) implements DrmMessage {

    public ErrorReply {
        code = code == null ? "INTERNAL" : code;
        message = message == null ? "" : message;
    }
}
