package io.weft.registry.session.register;

import io.weft.registry.session.data.DataInfoId;

/** A publisher of this session; its data lives in the data layer ({@code SessionData}). */
public record PublisherRegistration(String registId, String connectionId, DataInfoId id, String zone, long version)
        implements Registration {
}
