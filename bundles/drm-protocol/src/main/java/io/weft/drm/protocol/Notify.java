package io.weft.drm.protocol;

/**
 * drmdata to client (DRM-6 step 4): the attribute has a new version; pull it. The client answers with
 * {@link Ack} once it applied the value (or failed to).
 *
 * @param pushId  identifies this notification on this connection, echoed by the {@link Ack}
 * @param key     {@code resourceId:attribute}
 * @param version the version to pull
 */
public record Notify(long pushId, String key, long version) implements DrmMessage {

    public Notify {
        DrmKeys.checkKey(key);
    }
}
