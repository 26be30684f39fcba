package io.weft.drm.protocol;

/**
 * Client to drmdata: the outcome of a {@link Notify} (DRM-9: logged in {@code drmdata-push.log},
 * {@code 0} success, {@code 1} failure).
 *
 * @param pushId  the notification answered
 * @param key     the attribute
 * @param version the version the client now holds (on success) or tried to pull
 * @param ok      whether the new value was pulled and the application's callback returned
 * @param error   why not, when {@code ok} is false
 */
public record Ack(long pushId, String key, long version, boolean ok, String error) implements DrmMessage {

    public Ack {
        error = error == null ? "" : error;
    }
}
