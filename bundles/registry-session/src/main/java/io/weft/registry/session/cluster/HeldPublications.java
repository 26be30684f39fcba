package io.weft.registry.session.cluster;

import io.weft.registry.session.data.DataInfoId;
import io.weft.registry.session.data.Publication;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The publications this session's clients made, as the session wants the data servers to hold them. The data
 * layer is rebuilt from this record (ARCHITECTURE §4, decision record 0021): a publication whose slot moved to
 * another leader is published there again, and a write that failed is repeated from it. Thread-safe.
 */
public final class HeldPublications {

    /**
     * One publication and when the session received it.
     *
     * @param registerTimestamp epoch milliseconds, sent to the data servers with the publisher
     */
    public record Held(Publication publication, long registerTimestamp) {
    }

    private final Map<PublicationKey, Held> held = new ConcurrentHashMap<>();

    /** Holds {@code publication}, replacing the one with its registId in that datum. */
    public PublicationKey put(DataInfoId id, Publication publication, long nowMillis) {
        PublicationKey key = new PublicationKey(id, publication.registId());
        held.put(key, new Held(publication, nowMillis));
        return key;
    }

    /** Forgets the publication; the key is returned so the data servers can be told. */
    public PublicationKey remove(DataInfoId id, String registId) {
        PublicationKey key = new PublicationKey(id, registId);
        held.remove(key);
        return key;
    }

    /** Forgets every publication of the connection and returns their keys. */
    public List<PublicationKey> removeConnection(String connectionId) {
        List<PublicationKey> removed = new ArrayList<>();
        held.entrySet().removeIf(entry -> {
            if (entry.getValue().publication().connectionId().equals(connectionId)) {
                removed.add(entry.getKey());
                return true;
            }
            return false;
        });
        return removed;
    }

    /** The publication as the data servers should hold it now; empty when they should not hold it. */
    public Optional<Held> get(PublicationKey key) {
        return Optional.ofNullable(held.get(key));
    }

    public List<PublicationKey> keys() {
        return new ArrayList<>(held.keySet());
    }

    public int size() {
        return held.size();
    }

    /** How many of the held publications each data server leads the slot of under {@code routing}. */
    public Map<String, Integer> countsByLeader(SlotRouting routing) {
        Map<String, Integer> counts = new HashMap<>();
        for (PublicationKey key : held.keySet()) {
            String leader = routing.leaderOf(key.id().toString());
            if (leader != null) {
                counts.merge(leader, 1, Integer::sum);
            }
        }
        return counts;
    }
}
