package io.weft.drm.protocol;

/**
 * The version of an attribute's value a client should hold; the client pulls it when it holds less.
 *
 * @param key     {@code resourceId:attribute}
 * @param version the version to hold; {@code 0} when no value was ever pushed
 */
public record VersionNotice(String key, long version) {

    public VersionNotice {
        DrmKeys.checkKey(key);
    }
}
