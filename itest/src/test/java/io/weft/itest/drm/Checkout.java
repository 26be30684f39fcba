package io.weft.itest.drm;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.weft.drm.client.DrmAttribute;
import io.weft.drm.client.DrmChange;
import io.weft.drm.client.DrmChanged;
import io.weft.drm.client.DrmResource;

/** An application's DRM resource as the client library's users declare one: annotated fields. */
@DrmResource(id = Checkout.RESOURCE)
public final class Checkout {

    static final String RESOURCE = "io.weft.itest.Checkout";
    static final String MODE = RESOURCE + ":mode";

    @DrmAttribute
    volatile String mode = "NONE";

    /** Versions the {@link DrmChanged} method saw, in order. */
    final List<Long> changes = new CopyOnWriteArrayList<>();

    @DrmChanged
    void changed(DrmChange change) {
        changes.add(change.version());
    }
}
