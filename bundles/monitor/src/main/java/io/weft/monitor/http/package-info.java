/**
 * The node's unauthenticated HTTP endpoints, registered with the OSGi HTTP Whiteboard (Servlet 5,
 * {@code jakarta.servlet}) in the default context: {@code GET /metrics} (Prometheus) and
 * {@code GET /health} (JSON). Neither asks for credentials: Prometheus scrapers and load balancer probes
 * call them.
 *
 * <p><b>Whiteboard for metrics:</b> a bundle contributes metrics to {@code /metrics} by registering an
 * {@code io.prometheus.client.Collector} as an OSGi service; {@link io.weft.monitor.http.MetricsServlet}
 * picks it up (dynamic, optional, multiple reference) and drops it when it goes. Likewise a bundle adds a
 * check to {@code /health} by registering an {@link io.weft.api.health.HealthIndicator}.
 */
package io.weft.monitor.http;
