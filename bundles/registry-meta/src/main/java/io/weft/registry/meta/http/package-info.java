/**
 * The meta server's ops HTTP endpoints on 9615 (ops.md, REG-42, REG-44, REG-45, REG-49, REG-62, REG-66,
 * RCP-20) as plain jakarta servlets, so they run under Felix HTTP as well as in a bare Jetty in tests.
 * {@link io.weft.registry.meta.http.MetaOpsServlets} maps each path to its servlet. The endpoints that change
 * the group ask the node's access guard first; bad input is answered 400. The push switch and persistent data may
 * be changed on any member: a follower forwards the change to the leader over the raft port. Only
 * {@code /manage/changePeer} must go to the leader: a follower answers it 503 naming the leader (see
 * {@code OpsResponses}). {@link io.weft.registry.meta.http.ReadinessServlet} is the probe
 * on the meta's own readiness port (8080), apart from the ops API.
 */
package io.weft.registry.meta.http;
