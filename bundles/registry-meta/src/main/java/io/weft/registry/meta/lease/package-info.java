/**
 * Leases of data and session servers on the meta group: the leader evicts servers that stopped renewing
 * (REG-32, REG-78), through the log so that followers agree.
 */
package io.weft.registry.meta.lease;
