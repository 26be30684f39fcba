/** Notifying clients of new versions over their long connections, and the push log (DRM-9, DRM-20). */
package io.weft.drm.server.push;
