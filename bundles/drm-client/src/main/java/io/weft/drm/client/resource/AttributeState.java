package io.weft.drm.client.resource;

import io.weft.drm.protocol.DrmKeys;
import io.weft.drm.protocol.Subscription;

/** The value and version of one attribute the client holds. Thread-safe; versions only grow. */
public final class AttributeState {

    private final Resource resource;
    private final String attribute;
    private final String key;
    private long version;
    private String value;

    AttributeState(Resource resource, String attribute) {
        this.resource = resource;
        this.attribute = attribute;
        this.key = DrmKeys.key(resource.resourceId(), attribute);
    }

    public Resource resource() {
        return resource;
    }

    public String attribute() {
        return attribute;
    }

    public String key() {
        return key;
    }

    public synchronized long version() {
        return version;
    }

    public synchronized String value() {
        return value;
    }

    public synchronized Subscription subscription() {
        return new Subscription(key, version);
    }

    synchronized void hold(long newVersion, String newValue) {
        if (newVersion > version) {
            version = newVersion;
            value = newValue;
        }
    }
}
