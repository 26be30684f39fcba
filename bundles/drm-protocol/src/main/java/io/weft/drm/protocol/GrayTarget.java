package io.weft.drm.protocol;

import java.util.Set;

/**
 * Who a gray release goes to: clients whose IP is listed or whose zone is listed.
 */
public record GrayTarget(Set<String> clientIps, Set<String> zones) {

    public GrayTarget {
        clientIps = clientIps == null ? Set.of() : Set.copyOf(clientIps);
        zones = zones == null ? Set.of() : Set.copyOf(zones);
    }

    public boolean matches(String clientIp, String zone) {
        return clientIps.contains(clientIp) || (zone != null && !zone.isEmpty() && zones.contains(zone));
    }

    public boolean isEmpty() {
        return clientIps.isEmpty() && zones.isEmpty();
    }
}
