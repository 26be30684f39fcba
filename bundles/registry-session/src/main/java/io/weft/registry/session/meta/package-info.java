/**
 * The session's side of the meta servers' 9610 (REG-50, decision record 0021): a {@code NodeHeartbeat} to the meta
 * leader every {@code heartbeatMillis}, a {@code Ping} to the other metas, and what the views tell: the cluster's
 * servers (discovery, RCP-16), the slot table, the push switch (REG-61) and the persistent data (RCP-20).
 */
package io.weft.registry.session.meta;
