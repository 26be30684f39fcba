package io.weft.drm.protocol;

import java.util.List;

/** drmdata's answer to {@link HoldersQuery}. */
public record Holders(long requestId, String nodeId, List<Holder> holders) implements DrmMessage {

    public Holders {
        holders = holders == null ? List.of() : List.copyOf(holders);
    }

    /**
     * One client connection listening to the attribute.
     *
     * @param clientIp          the connection's remote address
     * @param zone              the zone the client reported
     * @param appName           the application the client reported
     * @param version           the version it holds (last acknowledged or heartbeat-reported)
     * @param connectedAtMillis when the connection registered
     * @param lastHeartbeatMillis last heartbeat, 0 when none yet
     */
    public record Holder(String clientIp, String zone, String appName, long version, long connectedAtMillis,
            long lastHeartbeatMillis) {
    }
}
