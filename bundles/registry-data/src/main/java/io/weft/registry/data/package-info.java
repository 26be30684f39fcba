/**
 * The registry's DataServer (REG-4, REG-29..REG-39) on the cluster protocol of decision record 0021.
 * {@link io.weft.registry.data.DataServer} is one server, free of OSGi; {@link io.weft.registry.data.DataNode}
 * keeps one running across configuration changes; {@link io.weft.registry.data.DataServerComponent} is the
 * registry-data role. The sub-packages hold one concern each: {@code store} (datums and versions), {@code slot}
 * (the slot table and working state), {@code lease} (session leases and eviction), {@code server} (the sessions'
 * 9620), {@code notify} (change notices), {@code replication} (9621), {@code meta} (the heartbeat to 9611),
 * {@code transport} (Bolt plumbing), {@code ops} (the HTTP endpoints) and {@code monitor} (metrics).
 *
 * <p>Loggers: {@code registry.data} (registry-data.log), {@code registry.datum.lease}
 * (registry-datum-lease.log), {@code registry.renew} (registry-renew.log).
 */
package io.weft.registry.data;
