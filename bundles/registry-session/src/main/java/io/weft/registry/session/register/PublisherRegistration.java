package io.weft.registry.session.register;

import io.weft.registry.session.data.DataInfoId;
import java.util.List;

/**
 * A publisher of this session; its data lives in the data layer ({@code SessionData}). The application name
 * and the published values are kept here too, for the console feed (REG-91): the data layer of a cluster
 * holds them on the data servers, out of the session's reach without a network call.
 *
 * @param appName the client's application name, null when it sent none
 * @param data    the published values, in the client's order
 */
public record PublisherRegistration(String registId, String connectionId, DataInfoId id, String zone, long version,
        String appName, List<String> data) implements Registration {

    public PublisherRegistration {
        data = data == null ? List.of() : List.copyOf(data);
    }
}
