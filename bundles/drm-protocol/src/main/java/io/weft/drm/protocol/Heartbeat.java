package io.weft.drm.protocol;

import java.util.List;

/**
 * Client to drmdata every {@link Registered#heartbeatSeconds()} (DRM-10): the versions of every
 * attribute the client uses. drmdata answers with {@link HeartbeatAck} naming the lagging ones and
 * logs the check (DRM-11, DRM-18).
 */
public record Heartbeat(long requestId, List<Subscription> holdings) implements DrmMessage {

    public Heartbeat {
        holdings = holdings == null ? List.of() : List.copyOf(holdings);
    }
}
