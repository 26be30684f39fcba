package io.weft.monitor.health;

import java.util.List;

import io.weft.api.health.Health;

/**
 * Everything {@code /health} answers.
 *
 * @param status        the overall status, from {@link HealthAggregator#overall}
 * @param home          the node's home folder
 * @param roles         the node's roles, as configured ({@code weft.roles}), or empty
 * @param uptimeSeconds how long the node's JVM has run
 * @param components    every DS component configuration
 * @param checks        every health indicator's result
 */
public record HealthReport(
        Health.Status status,
        String home,
        String roles,
        long uptimeSeconds,
        List<ComponentStatus> components,
        List<CheckResult> checks) {
}
