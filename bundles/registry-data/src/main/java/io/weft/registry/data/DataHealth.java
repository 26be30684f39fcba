package io.weft.registry.data;

import io.weft.api.health.Health;
import io.weft.api.health.HealthIndicator;
import io.weft.registry.data.ops.HealthCheck;

/** The node's {@code registry-data} check: up while both ports listen and the data server works (REG-31). */
final class DataHealth implements HealthIndicator {

    static final String NAME = "registry-data";

    private final HealthCheck check;

    DataHealth(HealthCheck check) {
        this.check = check;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Health check() {
        HealthCheck.Result result = check.check();
        return result.success() ? Health.up(result.message()) : Health.down(result.message());
    }
}
