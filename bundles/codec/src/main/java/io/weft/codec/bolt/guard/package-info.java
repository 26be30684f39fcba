/**
 * Guards a Bolt server port against bad input before Bolt buffers it (ARCHITECTURE §5): frames announced larger
 * than a limit or with a header Bolt cannot read close their connection from the header alone
 * ({@link io.weft.codec.bolt.guard.FrameGuard}), and a reconnect flood or too many connections are closed at once
 * ({@link io.weft.codec.bolt.guard.ConnectionGate}). {@link io.weft.codec.bolt.guard.PortGuard} puts both in front
 * of Bolt's decoder through its {@code EXTENDED_NETTY_CHANNEL_HANDLER} hook. Each refusal is reported to a
 * {@link io.weft.codec.bolt.guard.RefusalListener}, which the server maps to its own metrics and log.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.weft.codec.bolt.guard;
