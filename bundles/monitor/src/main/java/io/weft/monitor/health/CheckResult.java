package io.weft.monitor.health;

import io.weft.api.health.Health;

/**
 * The outcome of one {@link io.weft.api.health.HealthIndicator}.
 *
 * @param name   the indicator's name
 * @param status its status
 * @param detail its detail, or why it could not answer
 */
public record CheckResult(String name, Health.Status status, String detail) {
}
