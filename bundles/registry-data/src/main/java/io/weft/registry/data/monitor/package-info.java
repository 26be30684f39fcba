/**
 * The {@code registry_data_*} metrics (OPS-21) for the monitor's {@code /metrics}: what the data server holds, its
 * sessions, and its evictions, notice and replication failures.
 */
package io.weft.registry.data.monitor;
