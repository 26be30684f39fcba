/**
 * The registry's session server (REG-3): {@link io.weft.registry.session.SessionServer} puts together the
 * client port, the registrations, the data behind them and the pushes; {@link io.weft.registry.session.SessionNode}
 * runs one, on a standalone node's own data or in a registry cluster ({@code io.weft.registry.session.cluster},
 * decision record 0021), and restarts it on a new configuration; the DS component
 * {@link io.weft.registry.session.SessionServerComponent} wires the node into OSGi (ops servlets, metrics,
 * health, ACVIP address).
 */
package io.weft.registry.session;
