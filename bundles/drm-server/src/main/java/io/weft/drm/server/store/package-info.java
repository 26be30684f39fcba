/** The DRM tables in the shared {@code store} database: attributes, push history, drmdata nodes, the cluster secret. */
package io.weft.drm.server.store;
