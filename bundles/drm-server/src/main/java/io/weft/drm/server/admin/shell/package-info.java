/** The {@code drm:} Gogo commands over {@link io.weft.api.drm.DrmAdmin}. */
package io.weft.drm.server.admin.shell;
