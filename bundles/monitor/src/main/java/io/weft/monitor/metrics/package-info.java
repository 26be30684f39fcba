/**
 * The metrics served at {@code /metrics}.
 *
 * <p><b>Contributing metrics.</b> Any bundle can add metrics by registering an
 * {@code io.prometheus.client.Collector} (simpleclient 0.16) as an OSGi service: the metrics servlet
 * tracks those services and adds them to its own registry while they are registered. Do not register
 * into {@code CollectorRegistry.defaultRegistry}: nothing serves it. A collector whose metric names clash
 * with those already present is refused (with a warning in the log), and one that throws while being
 * scraped loses only its own metrics for that scrape.
 */
package io.weft.monitor.metrics;
