/**
 * The meta server's cluster ports (decision record 0021): 9610 for session servers and 9611 for data
 * servers. Their heartbeats register and renew them through the raft group, and each answer is the
 * {@code ClusterView} they run by: node lists, slot table, push switch, persistent data. {@link
 * io.weft.registry.meta.cluster.PortRefusals} counts what the guards of these ports and of the raft port (9612,
 * {@link io.weft.registry.meta.cluster.GuardedPort}) refused.
 */
package io.weft.registry.meta.cluster;
