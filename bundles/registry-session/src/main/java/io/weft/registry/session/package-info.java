/**
 * The registry's session server (REG-3): {@link io.weft.registry.session.SessionServer} puts together the
 * client port, the registrations, the data behind them and the pushes.
 */
package io.weft.registry.session;
