package io.weft.drm.client.resource;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import io.weft.drm.client.DrmChange;
import io.weft.drm.client.DrmListener;

/** A resource declared through the API: values are text, held here and handed to a listener. */
public final class ListenerResource extends Resource {

    private final DrmListener listener;

    public ListenerResource(String resourceId, Set<String> attributes, DrmListener listener,
            Executor callbackExecutor, Consumer<Resource> onClose) {
        super(resourceId, attributes, callbackExecutor, onClose);
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    protected void set(String attribute, String value) {
        // The value is held by the attribute's state; the listener reads it from the change.
    }

    @Override
    protected void changed(DrmChange change) throws Exception {
        listener.changed(change);
    }
}
