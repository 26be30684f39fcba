package io.weft.drm.server.cache;

/** An attribute of an instance: the unit drmdata caches, pushes and indexes subscriptions by. */
public record AttributeId(String instanceId, String key) {

    @Override
    public String toString() {
        return instanceId + "/" + key;
    }
}
