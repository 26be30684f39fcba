package io.weft.drm.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The seed's example resource (DRM-27), as an application would declare it. */
@DrmResource(id = "com.example.RefreshCacheDRM")
public class RefreshCache {

    public enum Mode { NONE, GEOHASH, FULL }

    @DrmAttribute
    volatile Mode refreshCacheType = Mode.NONE;

    @DrmAttribute(name = "batchSize")
    volatile int size = 10;

    volatile BigDecimal rate;

    final List<DrmChange> changes = new CopyOnWriteArrayList<>();

    @DrmAttribute
    void setRate(BigDecimal rate) {
        this.rate = rate;
    }

    @DrmChanged
    void changed(DrmChange change) {
        changes.add(change);
    }
}
