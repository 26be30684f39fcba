/**
 * The client-facing port (RCP-1..RCP-4): a Bolt server whose Hessian reads only the SOFARegistry model
 * classes, the user processors for each request class, the client connections, and pushes on them.
 */
package io.weft.registry.session.connection;
