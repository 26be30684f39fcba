package io.weft.drm.protocol;

/**
 * The HTTP pull interface of drmdata (DRM-6 step 5).
 *
 * <pre>
 * GET {baseUrl}/drm/pull?instanceId=acme&amp;key=com.example.Cache:mode&amp;version=7
 * X-Weft-Drm-Token: {pull token from Registered / HeartbeatAck}
 *
 * 200 {"instanceId":"acme","key":"com.example.Cache:mode","version":7,"value":"GEOHASH","gray":false}
 * </pre>
 * {@code version} is the version the client was told to pull: a node answers with that version or a
 * newer one, reading the database when its memory is older (so a node that missed a broadcast still
 * serves what was pushed). {@code value} is {@code null} with version 0 when nothing was ever pushed.
 * A client in a gray release's targets gets the gray value (the node matches the client's IP and the
 * {@code zone} parameter). Errors are JSON {@code {"error":"CODE","message":"..."}}: 400
 * {@code BAD_REQUEST}, 401 {@code AUTH_FAILED} (missing, expired or forged token, or a token of another
 * instance), 404 {@code UNKNOWN_ATTRIBUTE}, 503 {@code UNAVAILABLE} (database down).
 */
public final class PullProtocol {

    public static final String PATH = "/drm/pull";
    public static final String TOKEN_HEADER = "X-Weft-Drm-Token";
    public static final String INSTANCE_ID = "instanceId";
    public static final String KEY = "key";
    public static final String VERSION = "version";
    public static final String ZONE = "zone";

    private PullProtocol() {
    }

    /** The body of a 200 answer. */
    public record PullResponse(String instanceId, String key, long version, String value, boolean gray) {
    }

    /** The body of an error answer. */
    public record PullError(String error, String message) {
    }
}
