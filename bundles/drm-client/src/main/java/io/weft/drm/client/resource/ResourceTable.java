package io.weft.drm.client.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.weft.drm.protocol.Subscription;

/** The resources the client has declared, by resource id, and their attributes by key. Thread-safe. */
public final class ResourceTable {

    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final Map<String, AttributeState> attributes = new ConcurrentHashMap<>();

    /** @throws IllegalStateException the resource id is registered already */
    public void add(Resource resource) {
        if (resources.putIfAbsent(resource.resourceId(), resource) != null) {
            throw new IllegalStateException("resource " + resource.resourceId()
                    + " is registered already; close that registration first");
        }
        for (AttributeState s : resource.states()) {
            attributes.put(s.key(), s);
        }
    }

    public void remove(Resource resource) {
        if (resources.remove(resource.resourceId(), resource)) {
            for (AttributeState s : resource.states()) {
                attributes.remove(s.key(), s);
            }
        }
    }

    public boolean contains(String resourceId) {
        return resources.containsKey(resourceId);
    }

    /** The attribute with this key, or {@code null} when no open registration has it. */
    public AttributeState attribute(String key) {
        return attributes.get(key);
    }

    public List<Resource> resources() {
        return List.copyOf(resources.values());
    }

    /** Every attribute with the version held: what a Register or Heartbeat carries. */
    public List<Subscription> holdings() {
        List<Subscription> list = new ArrayList<>(attributes.size());
        for (AttributeState s : attributes.values()) {
            list.add(s.subscription());
        }
        return list;
    }
}
