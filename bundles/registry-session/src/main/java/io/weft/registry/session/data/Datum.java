package io.weft.registry.session.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The publications of one {@link DataInfoId} at one version. Versions of a datum only rise (RCP-12), also
 * across restarts of the node that holds it, so a client never takes a new datum for an old one.
 */
public record Datum(DataInfoId id, long version, List<Publication> publications) {

    public Datum {
        publications = List.copyOf(publications);
    }

    /** The publications' values grouped by zone, each zone in publication order. */
    public Map<String, List<String>> dataByZone() {
        Map<String, List<String>> byZone = new TreeMap<>();
        for (Publication publication : publications) {
            byZone.computeIfAbsent(publication.zone(), zone -> new ArrayList<>()).addAll(publication.data());
        }
        byZone.replaceAll((zone, values) -> Collections.unmodifiableList(values));
        return Collections.unmodifiableMap(byZone);
    }
}
