/**
 * {@link io.weft.api.drm.DrmAdmin} for the console node: input checks, writes through the DRM store (version,
 * history, who and when), the announcement of each new version to one live drmdata node (own data center
 * first, DRM-6 step 2), and the subscriber lists asked of every live node. Every write is logged on
 * {@code io.weft.drm.server.admin}.
 */
package io.weft.drm.server.admin;
