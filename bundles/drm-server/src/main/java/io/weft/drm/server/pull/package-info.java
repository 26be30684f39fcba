/** The HTTP pull interface (DRM-6 step 5) and its tokens. */
package io.weft.drm.server.pull;
