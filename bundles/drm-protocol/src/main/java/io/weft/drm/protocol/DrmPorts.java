package io.weft.drm.protocol;

/** The seed's drmdata ports (DRM-2, DRM-3, ops.md) and Weft's choice for the ambiguous HTTP ones. */
public final class DrmPorts {

    /** Clients' long connections (DRM-3). */
    public static final int CLIENT = 9880;
    /** drmdata to drmdata and console to drmdata (DRM-2; purpose chosen by Weft, DRM-3 leaves it open). */
    public static final int SYNC = 9870;
    /** The HTTP pull interface (the seed lists port 80 on drmdata's LB; a non-root JVM cannot bind it, see decision 0018). */
    public static final int PULL_HTTP = 8880;
    /** {@code GET /checkService} (DRM-33). */
    public static final int CHECK_SERVICE = 9500;

    private DrmPorts() {
    }
}
