/**
 * The session's ops HTTP API (OPS-4, RCP-10, RCP-16), served on its own Felix HTTP instance (9603):
 * discovery for registry clients, {@code /health/check}, the push switch, connections and data counts.
 * The servlets read a {@link io.weft.registry.session.ops.SessionView} and know nothing of OSGi.
 */
package io.weft.registry.session.ops;
