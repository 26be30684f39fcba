package io.weft.drm.protocol;

import java.util.List;

/**
 * Client to drmdata: more attributes to listen to on a registered connection (a resource declared
 * after start). Answered by {@link Registered} listing the versions of these attributes.
 */
public record Subscribe(long requestId, List<Subscription> subscriptions) implements DrmMessage {

    public Subscribe {
        subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
    }
}
