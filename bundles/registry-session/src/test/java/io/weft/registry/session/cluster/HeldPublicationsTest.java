package io.weft.registry.session.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.registry.session.data.DataInfoId;
import io.weft.registry.session.data.Publication;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    @Test
    @DisplayName("REG-34: the renewal's publisher count per data server follows puts, replacements, removals,"
            + " closed connections and a table with another slot count")
    void countsByLeader() {
        SlotRouting table = SlotRouting.of(TestCluster.table(1, 16, slot -> slot % 3 == 0 ? null
                : slot % 2 == 0 ? "data-a" : "data-b"));
        assertEquals(Map.of(), held.countsByLeader(table), "nothing held"); // counted from here on as it changes
        for (int i = 0; i < 60; i++) {
            held.put(new DataInfoId("svc" + i, null, "SOFA"), publication("p" + i, "10.0.0.1:" + i % 4), 1);
        }
        held.put(new DataInfoId("svc1", null, "SOFA"), publication("p1", "10.0.0.1:9"), 2); // a replacement
        held.remove(new DataInfoId("svc2", null, "SOFA"), "p2");
        held.remove(new DataInfoId("svc2", null, "SOFA"), "p2"); // twice: no change
        held.removeConnection("10.0.0.1:3");
        assertEquals(walk(table), held.countsByLeader(table));
        assertTrue(held.countsByLeader(table).get("data-a") > 0 && held.countsByLeader(table).get("data-b") > 0);

        SlotRouting sevenSlots = SlotRouting.of(TestCluster.table(2, 7, slot -> slot < 3 ? "data-a" : "data-b"));
        assertEquals(walk(sevenSlots), held.countsByLeader(sevenSlots));
        held.put(SERVICE, publication("new", "10.0.0.1:1"), 3);
        assertEquals(walk(sevenSlots), held.countsByLeader(sevenSlots));
        assertEquals(held.size(), held.countsByLeader(sevenSlots).values().stream().mapToInt(n -> n).sum(),
                "every slot is led: every publication counted once");
    }

    /** The counts as hashing every held publication finds them. */
    private Map<String, Integer> walk(SlotRouting table) {
        Map<String, Integer> counts = new HashMap<>();
        for (PublicationKey key : held.keys()) {
            String leader = table.leaderOf(key.id().toString());
            if (leader != null) {
                counts.merge(leader, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static Publication publication(String registId, String connectionId) {
        return new Publication(registId, connectionId, "ZONE_A", List.of("v"), 1);
    }
}
