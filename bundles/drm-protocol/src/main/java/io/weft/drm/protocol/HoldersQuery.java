package io.weft.drm.protocol;

/**
 * Console to a drmdata node on 9870: which of this node's clients listen to an attribute, and the
 * version each holds (CON-8, per-attribute subscriber list).
 */
public record HoldersQuery(long requestId, String instanceId, String key) implements DrmMessage {

    public HoldersQuery {
        DrmKeys.checkInstanceId(instanceId);
        DrmKeys.checkKey(key);
    }
}
