/** drm-monitor.log, drmdata-threadpool.log and the DRM metrics (DRM-14, DRM-19, DRM-21). */
package io.weft.drm.server.monitor;
