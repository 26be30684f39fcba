package io.weft.registry.session.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.registry.session.data.DataInfoId;
import io.weft.registry.session.data.Publication;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HeldPublicationsTest {

    private static final DataInfoId SERVICE = new DataInfoId("svc", "DEFAULT_INSTANCE_ID", "SOFA");
    private static final DataInfoId OTHER = new DataInfoId("other", "DEFAULT_INSTANCE_ID", "SOFA");

    private final HeldPublications held = new HeldPublications();

    @Test
    @DisplayName("REG-13: a closed connection's publications are forgotten, the other connections' kept")
    void closedConnectionForgetsItsOwn() {
        held.put(SERVICE, publication("p1", "10.0.0.1:1"), 1);
        held.put(OTHER, publication("p2", "10.0.0.1:1"), 1);
        held.put(SERVICE, publication("p3", "10.0.0.2:1"), 1);

        List<PublicationKey> removed = held.removeConnection("10.0.0.1:1");

        assertEquals(Set.of("p1", "p2"), removed.stream().map(PublicationKey::registId).collect(Collectors.toSet()));
        assertEquals(List.of("p3"), held.keys().stream().map(PublicationKey::registId).toList());
        assertTrue(held.removeConnection("10.0.0.1:1").isEmpty(), "nothing left of it");
    }

    @Test
    @DisplayName("REG-13: a publication registered again through a new connection survives the old one's close")
    void republishedThroughANewConnectionSurvives() {
        held.put(SERVICE, publication("p1", "10.0.0.1:1"), 1);
        held.put(SERVICE, publication("p1", "10.0.0.1:2"), 2);

        assertTrue(held.removeConnection("10.0.0.1:1").isEmpty());
        assertEquals("10.0.0.1:2", held.get(new PublicationKey(SERVICE, "p1")).orElseThrow()
                .publication().connectionId());
        assertEquals(1, held.removeConnection("10.0.0.1:2").size());
        assertEquals(0, held.size());
    }

    @Test
    @DisplayName("REG-13: an unregistered publication is not reported again when its connection closes")
    void removedPublicationLeavesTheConnection() {
        held.put(SERVICE, publication("p1", "10.0.0.1:1"), 1);
        held.remove(SERVICE, "p1");

        assertTrue(held.removeConnection("10.0.0.1:1").isEmpty());
    }

    private static Publication publication(String registId, String connectionId) {
        return new Publication(registId, connectionId, "ZONE_A", List.of("v"), 1);
    }
}
