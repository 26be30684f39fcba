/**
 * The data server's ops HTTP API on its own HTTP instance (9622, OPS-4): {@code /health/check} and
 * {@code /digest/datum/count}, as plain jakarta servlets over a {@link io.weft.registry.data.ops.DataServerView}.
 */
package io.weft.registry.data.ops;
