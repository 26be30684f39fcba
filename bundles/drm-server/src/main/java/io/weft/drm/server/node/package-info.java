/** This node's liveness row in the store, the live peers, and its ACVIP address (DRM-5). */
package io.weft.drm.server.node;
