/**
 * DRM administration: what the console (and Gogo commands) use to read and push dynamic
 * configuration. Implemented by the drm-server bundle, which writes the database and notifies one
 * drmdata node of the caller's data center (DRM-6); the console page only calls {@link io.weft.api.drm.DrmAdmin}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.weft.api.drm;
