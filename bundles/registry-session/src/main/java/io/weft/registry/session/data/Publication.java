package io.weft.registry.session.data;

import java.util.List;
import java.util.Objects;

/**
 * One publisher's contribution to a datum: the data strings of its {@code DataBox}es, in its zone.
 *
 * @param registId     the client's id of the publisher (unique per registration)
 * @param connectionId the session connection it arrived on; its publications go when it closes
 * @param zone         the zone (cell) the publisher is in
 * @param data         the published values, in the client's order
 * @param version      the client's version of this registration (updates carry a higher one)
 */
public record Publication(String registId, String connectionId, String zone, List<String> data, long version) {

    public Publication {
        Objects.requireNonNull(registId, "registId");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(zone, "zone");
        data = data == null ? List.of() : List.copyOf(data);
    }
}
