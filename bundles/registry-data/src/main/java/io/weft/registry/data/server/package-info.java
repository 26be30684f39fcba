/**
 * The sessions' port, 9620 (REG-52, decision record 0021): publishes, unpublishes, client-offs, reads, version
 * checks and lease renewals from session servers, each on a Bolt processor of its request class; the sessions'
 * connections, on which change notices go back.
 */
package io.weft.registry.data.server;
