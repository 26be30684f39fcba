/**
 * The DRM client: an application declares resources with attributes and receives their values from
 * drmdata (spec/drm.md DRM-5..7, DRM-10, DRM-22..27).
 *
 * <p>Start with {@link io.weft.drm.client.DrmClient#builder()}. A resource is declared either on a plain
 * object ({@link io.weft.drm.client.DrmResource}, {@link io.weft.drm.client.DrmAttribute},
 * {@link io.weft.drm.client.DrmChanged}) or through the API with a {@link io.weft.drm.client.DrmListener}.
 * The library needs Netty, Jackson and SLF4J only; it is an OSGi bundle and a plain jar alike, and it
 * reads annotations through the registered object's own class, so no context class loader is involved.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.weft.drm.client;
