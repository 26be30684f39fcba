/**
 * drmdata, the DRM server role: the DS component {@link io.weft.drm.server.DrmDataNode} and its
 * configuration. The parts live in sub-packages by concern; {@code core} assembles them without OSGi.
 */
package io.weft.drm.server;
