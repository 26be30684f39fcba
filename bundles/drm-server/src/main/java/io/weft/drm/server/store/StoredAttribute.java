package io.weft.drm.server.store;

import java.util.Set;

/**
 * An attribute's row: the common value and, during a gray release, the gray value with its targets.
 *
 * @param instanceId  the instance
 * @param key         {@code resourceId:attribute}
 * @param value       the common value; {@code null} before the first push
 * @param version     the common value's version; 0 before the first push
 * @param grayValue   the gray value, or {@code null} when no gray release is open
 * @param grayVersion the gray value's version (greater than {@code version}); 0 when none
 * @param grayIps     client IPs the gray value goes to
 * @param grayZones   zones the gray value goes to
 * @param sequence    the change sequence of the last write of this row
 */
public record StoredAttribute(String instanceId, String key, String value, long version, String grayValue,
        long grayVersion, Set<String> grayIps, Set<String> grayZones, long sequence) {

    public StoredAttribute {
        grayIps = grayIps == null ? Set.of() : Set.copyOf(grayIps);
        grayZones = grayZones == null ? Set.of() : Set.copyOf(grayZones);
    }

    public boolean grayOpen() {
        return grayVersion > 0;
    }

    /** Whether a client with this IP and zone gets the gray value. */
    public boolean grayTargets(String clientIp, String zone) {
        return grayOpen() && (grayIps.contains(clientIp) || (zone != null && !zone.isEmpty() && grayZones.contains(zone)));
    }

    /** The version a client with this IP and zone must hold. */
    public long versionFor(String clientIp, String zone) {
        return grayTargets(clientIp, zone) ? grayVersion : version;
    }

    /** The value a client with this IP and zone gets. */
    public String valueFor(String clientIp, String zone) {
        return grayTargets(clientIp, zone) ? grayValue : value;
    }
}
