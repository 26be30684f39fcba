/** Clients' heartbeats: lag detection and the heartbeat log (DRM-10, DRM-11, DRM-18). */
package io.weft.drm.server.heartbeat;
