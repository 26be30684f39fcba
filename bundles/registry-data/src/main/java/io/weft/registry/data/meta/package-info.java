/**
 * The data server's side of the meta servers' 9611 (REG-51, decision record 0021): a {@code NodeHeartbeat} to the
 * meta leader every {@code heartbeatMillis}, a {@code Ping} to the other metas, and what the replies tell: the
 * cluster's node lists (REG-38) and the slot table.
 */
package io.weft.registry.data.meta;
