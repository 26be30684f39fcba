/**
 * Getting new values: the HTTP pull from drmdata (own data center first, DRM-6 step 5, DRM-30) and the
 * pipeline that turns "version N exists" into a pulled, applied and acknowledged value.
 */
package io.weft.drm.client.pull;
