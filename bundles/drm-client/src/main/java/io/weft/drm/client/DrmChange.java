package io.weft.drm.client;

/**
 * One attribute that took a new value.
 *
 * @param resourceId the resource, e.g. {@code com.example.RefreshCacheDRM}
 * @param attribute  the attribute, e.g. {@code refreshCacheType}
 * @param oldValue   the value held before, {@code null} when none
 * @param newValue   the new value as pushed (text); {@code null} when the console cleared it
 * @param version    the version of the new value
 * @param fromCache  whether the value comes from the local cache at start rather than from drmdata
 */
public record DrmChange(String resourceId, String attribute, String oldValue, String newValue, long version,
        boolean fromCache) {

    /** {@code resourceId:attribute}, the attribute's key on the wire and in the console. */
    public String key() {
        return resourceId + ":" + attribute;
    }
}
