/**
 * Session leases (REG-34, REG-35): every session process renews its lease on each data server; the publishers of a
 * process that stopped renewing, or that a newer process of the same session replaced, are removed from the slots
 * this server leads and the eviction is logged in registry-datum-lease.log.
 */
package io.weft.registry.data.lease;
