/**
 * The long connection to drmdata (DRM-7, DRM-10): finding servers (a static list or ACVIP, own data
 * center first), registering, heartbeats, notifications, reconnection and failover (DRM-28).
 */
package io.weft.drm.client.connection;
