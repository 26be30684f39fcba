/**
 * Health contributions: a bundle registers a {@link io.weft.api.health.HealthIndicator} service and
 * the node's {@code /health} endpoint reports it beside the state of every DS component.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.weft.api.health;
