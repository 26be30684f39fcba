package io.weft.drm.server;

import java.util.Map;

import io.weft.api.health.Health;
import io.weft.api.health.HealthIndicator;
import io.weft.drm.server.check.ServiceCheck;
import io.weft.drm.server.core.DrmDataServer;

/** The {@code drm} check: DOWN when a port is not listening or the database failed at the last attempt. */
final class DrmHealth implements HealthIndicator {

    private final DrmDataServer server;
    private final ServiceCheck check;

    DrmHealth(DrmDataServer server) {
        this.server = server;
        this.check = server.serviceCheck();
    }

    @Override
    public String name() {
        return "drm";
    }

    @Override
    public Health check() {
        Map<String, Boolean> parts = check.parts();
        String detail = String.format("node %s: %d clients, client port %s, sync port %s, database %s",
                server.nodeId(), server.sessions().size(), parts.get("clientPort") ? "listening" : "NOT listening",
                parts.get("syncPort") ? "listening" : "NOT listening",
                parts.get("database") ? "ok" : "failing (" + server.database().lastError() + ")");
        return parts.get("checkService") ? Health.up(detail) : Health.down(detail);
    }
}
