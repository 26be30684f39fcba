/**
 * What the meta server's guarded Bolt ports (the cluster ports 9610 and 9611, the raft port 9612) write when their
 * guards refuse a frame or a connection.
 */
package io.weft.registry.meta.guard;
