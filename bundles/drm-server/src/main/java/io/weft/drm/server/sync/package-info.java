/**
 * drmdata to drmdata and console to drmdata on the sync port (9870): publish, relay, holders; and
 * {@link io.weft.drm.server.sync.SyncClient}, the client of that port.
 */
package io.weft.drm.server.sync;
