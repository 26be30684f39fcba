package io.weft.drm.protocol;

import java.util.List;

/**
 * drmdata to client: the attributes the heartbeat showed lagging, with the version to pull, and a
 * fresh pull token (tokens expire, see {@link PullTokens}).
 */
public record HeartbeatAck(long requestId, List<VersionNotice> lagging, String pullToken) implements DrmMessage {

    public HeartbeatAck {
        lagging = lagging == null ? List.of() : List.copyOf(lagging);
        pullToken = pullToken == null ? "" : pullToken;
    }
}
