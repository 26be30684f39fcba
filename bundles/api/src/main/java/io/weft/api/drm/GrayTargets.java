package io.weft.api.drm;

import java.util.Set;

/** The clients a gray release goes to: by client IP, or by zone. At least one of them. */
public record GrayTargets(Set<String> clientIps, Set<String> zones) {

    public GrayTargets {
        clientIps = clientIps == null ? Set.of() : Set.copyOf(clientIps);
        zones = zones == null ? Set.of() : Set.copyOf(zones);
        if (clientIps.isEmpty() && zones.isEmpty()) {
            throw new IllegalArgumentException("a gray release needs at least one client IP or zone");
        }
    }
}
