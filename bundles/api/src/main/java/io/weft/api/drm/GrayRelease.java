package io.weft.api.drm;

import java.time.Instant;

/** An open gray release: its value and version, who gets it, who opened it and when. */
public record GrayRelease(String value, long version, GrayTargets targets, String operator, Instant at) {
}
