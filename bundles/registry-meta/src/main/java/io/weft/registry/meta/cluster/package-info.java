/**
 * The meta server's cluster ports (decision record 0021): 9610 for session servers and 9611 for data
 * servers. Their heartbeats register and renew them through the raft group, and each answer is the
 * {@code ClusterView} they run by: node lists, slot table, push switch, persistent data.
 */
package io.weft.registry.meta.cluster;
