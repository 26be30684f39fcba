package io.weft.drm.protocol;

/**
 * An attribute a client uses and the version of its value the client holds ({@code 0}: none yet).
 *
 * @param key     {@link DrmKeys#key(String, String)}: {@code resourceId:attribute}
 * @param version the version the client holds
 */
public record Subscription(String key, long version) {

    public Subscription {
        DrmKeys.checkKey(key);
        if (version < 0) {
            throw new IllegalArgumentException("version must be >= 0, was " + version);
        }
    }
}
