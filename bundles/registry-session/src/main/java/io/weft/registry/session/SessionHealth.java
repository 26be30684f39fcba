package io.weft.registry.session;

import io.weft.api.health.Health;
import io.weft.api.health.HealthIndicator;
import io.weft.registry.session.ops.HealthCheck;

/** The node's {@code registry-session} check: down while the client port does not listen. */
final class SessionHealth implements HealthIndicator {

    private final String name;
    private final HealthCheck check;

    SessionHealth(String name, HealthCheck check) {
        this.name = name;
        this.check = check;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Health check() {
        HealthCheck.Result result = check.check();
        return result.success() ? Health.up(result.message()) : Health.down(result.message());
    }
}
