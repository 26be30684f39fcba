/**
 * The client-facing port (RCP-1..RCP-4): a Bolt server whose Hessian reads only the SOFARegistry model
 * classes, the user processors for each request class, the client connections, and pushes on them; in front
 * of Bolt's codec, the session's own handlers that refuse bad input per connection (ARCHITECTURE §5):
 * connection floods, oversized or unreadable frames, and a log of each error answer.
 */
package io.weft.registry.session.connection;
