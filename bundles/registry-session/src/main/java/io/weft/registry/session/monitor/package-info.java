/** The session's metrics ({@code /metrics}) and its periodic {@code registry-console.log} line. */
package io.weft.registry.session.monitor;
