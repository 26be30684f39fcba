package io.weft.drm.client.resource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import io.weft.drm.client.DrmChange;
import io.weft.drm.client.DrmRegistration;
import io.weft.drm.protocol.DrmKeys;

/**
 * A declared resource: its attributes with the values held, and how a new value reaches the
 * application. Changes are applied one at a time on the resource's {@link SerialExecutor} (or by the
 * caller before the resource is visible to the update pipeline, for cached values at start).
 */
public abstract class Resource implements DrmRegistration {

    private final String resourceId;
    private final Map<String, AttributeState> attributes = new LinkedHashMap<>();
    private final SerialExecutor changes;
    private final Consumer<Resource> onClose;
    private volatile boolean closed;

    protected Resource(String resourceId, Set<String> attributeNames, Executor callbackExecutor,
            Consumer<Resource> onClose) {
        this.resourceId = DrmKeys.checkResourceId(resourceId);
        if (attributeNames.isEmpty()) {
            throw new IllegalArgumentException("resource " + resourceId + " declares no attribute");
        }
        for (String name : attributeNames) {
            attributes.put(DrmKeys.checkAttribute(name), new AttributeState(this, name));
        }
        this.changes = new SerialExecutor(callbackExecutor);
        this.onClose = onClose;
    }

    /** Sets the converted value into the application's object; on failure leaves it unchanged. */
    protected abstract void set(String attribute, String value) throws ConversionException;

    /** Tells the application; what it throws is acknowledged as a failure. */
    protected abstract void changed(DrmChange change) throws Exception;

    @Override
    public String resourceId() {
        return resourceId;
    }

    @Override
    public Set<String> attributes() {
        return Set.copyOf(attributes.keySet());
    }

    public List<AttributeState> states() {
        return List.copyOf(attributes.values());
    }

    @Override
    public String value(String attribute) {
        return state(attribute).value();
    }

    @Override
    public long version(String attribute) {
        return state(attribute).version();
    }

    public Executor changes() {
        return changes;
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Applies {@code value} as {@code version} of the attribute: converts and sets it, records it as held,
     * then calls the application. A version not newer than the one held is ignored (the client never goes
     * back to older data). Call on {@link #changes()}.
     */
    public ApplyResult apply(AttributeState state, long version, String value, boolean fromCache) {
        long held = state.version();
        if (closed) {
            return ApplyResult.rejected(held, "resource " + resourceId + " is no longer registered");
        }
        if (version <= held) {
            return ApplyResult.alreadyHeld(held);
        }
        String old = state.value();
        try {
            set(state.attribute(), value);
        } catch (ConversionException e) {
            return ApplyResult.rejected(held, state.key() + " version " + version + ": " + e.getMessage());
        }
        state.hold(version, value);
        try {
            changed(new DrmChange(resourceId, state.attribute(), old, value, version, fromCache));
            return ApplyResult.applied(version);
        } catch (Exception | LinkageError e) {
            return ApplyResult.callbackFailed(version, "callback of " + state.key() + " version " + version
                    + " failed: " + e);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.accept(this);
        }
    }

    private AttributeState state(String attribute) {
        AttributeState s = attributes.get(attribute);
        if (s == null) {
            throw new IllegalArgumentException("resource " + resourceId + " has no attribute '" + attribute
                    + "' (it has " + attributes.keySet() + ")");
        }
        return s;
    }
}
