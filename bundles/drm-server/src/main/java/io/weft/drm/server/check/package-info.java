/** {@code /checkService} (DRM-33): database and ports. */
package io.weft.drm.server.check;
