package io.weft.drm.protocol;

/**
 * A new version was written to the database (DRM-6 steps 2-3), sent on port 9870. The console sends
 * it with {@code relay = true} to one drmdata node of its data center; that node notifies its own
 * clients and relays it with {@code relay = false} to every other drmdata node.
 *
 * @param requestId  echoed by {@link PublishAck}
 * @param instanceId the attribute's instance
 * @param key        {@code resourceId:attribute}
 * @param version    the version written
 * @param gray       the clients a gray release goes to, or {@code null} for everyone
 * @param relay      whether the receiver must relay it to the other drmdata nodes
 * @param origin     who sent it first (console node or drmdata node id), for {@code drmdata-sync.log}
 */
public record Publish(long requestId, String instanceId, String key, long version, GrayTarget gray,
        boolean relay, String origin) implements DrmMessage {

    public Publish {
        DrmKeys.checkInstanceId(instanceId);
        DrmKeys.checkKey(key);
        origin = origin == null ? "" : origin;
    }
}
