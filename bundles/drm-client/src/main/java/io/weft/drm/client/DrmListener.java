package io.weft.drm.client;

/**
 * Called after an attribute took a new value. Runs on the client's callback executor, one change at a
 * time per resource and in version order; returning acknowledges the change to drmdata, throwing
 * acknowledges it as failed with the exception's message. Return quickly (DRM-27).
 */
@FunctionalInterface
public interface DrmListener {

    void changed(DrmChange change) throws Exception;
}
