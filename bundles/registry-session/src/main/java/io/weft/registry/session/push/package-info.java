/**
 * Pushes from the session server to its clients (RCP-11, RCP-12, RCP-19): {@code ReceivedData} to
 * subscribers when a datum changes, {@code ReceivedConfigData} to configurators when persistent data
 * changes, both held back while the push switch is closed (REG-61).
 */
package io.weft.registry.session.push;
