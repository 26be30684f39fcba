/** ACVIP's Prometheus metrics, contributed to the node's {@code /metrics} as a Collector service. */
package io.weft.acvip.metrics;
