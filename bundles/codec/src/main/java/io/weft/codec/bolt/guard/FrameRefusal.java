package io.weft.codec.bolt.guard;

/** Why a {@link FrameGuard} closed a connection, or reported its last frame. */
public enum FrameRefusal {
    /** It announced more than the frame limit. */
    OVERSIZED,
    /** An unknown protocol code, version or command type, or a negative length. */
    MALFORMED,
    /** The connection closed in the middle of it. */
    TRUNCATED
}
