package io.weft.drm.protocol;

import java.util.List;

/**
 * drmdata to client, the answer to {@link Register} (and to {@link Subscribe}). When refused
 * ({@code ok == false}) drmdata closes the connection after sending it.
 *
 * @param requestId        the request answered
 * @param ok               whether the client is registered
 * @param errorCode        when refused: {@code AUTH_FAILED}, {@code BAD_REQUEST}, {@code UNAVAILABLE}
 * @param message          when refused: why, for the client's log
 * @param versions         the current version of every subscribed attribute (for this client: a gray
 *                         release it is a target of counts); the client pulls where it holds less
 * @param pullEndpoints    drmdata HTTP pull endpoints, every data center, own data center first
 * @param pullToken        credential for the pull interface, see {@link PullTokens}
 * @param heartbeatSeconds how often the client must send a {@link Heartbeat} (DRM-10: 30)
 * @param nodeId           the drmdata node answering, for the client's log
 */
public record Registered(long requestId, boolean ok, String errorCode, String message,
        List<VersionNotice> versions, List<PullEndpoint> pullEndpoints, String pullToken,
        int heartbeatSeconds, String nodeId) implements DrmMessage {

    public Registered {
        versions = versions == null ? List.of() : List.copyOf(versions);
        pullEndpoints = pullEndpoints == null ? List.of() : List.copyOf(pullEndpoints);
        errorCode = errorCode == null ? "" : errorCode;
        message = message == null ? "" : message;
        pullToken = pullToken == null ? "" : pullToken;
        nodeId = nodeId == null ? "" : nodeId;
    }

    public static Registered refused(long requestId, String errorCode, String message, String nodeId) {
        return new Registered(requestId, false, errorCode, message, List.of(), List.of(), "", 0, nodeId);
    }
}
