package io.weft.api.drm;

import java.time.Instant;

/**
 * An attribute and its current value.
 *
 * @param instanceId the OSP instance
 * @param key        {@code resourceId:attribute}
 * @param value      the value everyone not in a gray release gets; {@code null} before the first push
 * @param version    the version of {@code value}; 0 before the first push
 * @param updatedBy  who pushed it (empty before the first push)
 * @param updatedAt  when it was pushed ({@code null} before the first push)
 * @param gray       the open gray release, or {@code null}
 */
public record DrmAttribute(String instanceId, String key, String value, long version, String updatedBy,
        Instant updatedAt, GrayRelease gray) {

    public String resourceId() {
        return key.substring(0, key.lastIndexOf(':'));
    }

    public String attribute() {
        return key.substring(key.lastIndexOf(':') + 1);
    }
}
