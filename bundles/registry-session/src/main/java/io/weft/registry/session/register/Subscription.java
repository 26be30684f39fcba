package io.weft.registry.session.register;

import io.weft.registry.session.data.DataInfoId;

/**
 * A subscriber of this session.
 *
 * @param scope {@code zone} (only its own zone's data), {@code dataCenter} or {@code global}
 * @param zone  the subscriber's zone, pushed as {@code localZone}
 * @param appName the client's application name, null when it sent none (shown by the console, REG-91)
 */
public record Subscription(String registId, String connectionId, DataInfoId id, String scope, String zone,
        long version, String appName) implements Registration {

    public static final String SCOPE_ZONE = "zone";

    public boolean zoneOnly() {
        return SCOPE_ZONE.equals(scope);
    }
}
