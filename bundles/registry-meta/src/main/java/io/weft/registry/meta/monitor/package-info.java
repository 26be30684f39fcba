/**
 * The meta server's metrics: {@link io.weft.registry.meta.monitor.MetaCollector} for {@code /metrics}
 * ({@code registry_meta_*}) and {@link io.weft.registry.meta.monitor.MetricsLog} for the ops guide's
 * {@code registry-metrics.log} (OPS-20).
 */
package io.weft.registry.meta.monitor;
