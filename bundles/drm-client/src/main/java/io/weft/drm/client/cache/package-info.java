/** The local cache file: the last values the client held, so it starts with them when no drmdata answers. */
package io.weft.drm.client.cache;
