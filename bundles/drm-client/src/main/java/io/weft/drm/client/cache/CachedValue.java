package io.weft.drm.client.cache;

/** A value the client held, with its version. */
public record CachedValue(long version, String value) {
}
