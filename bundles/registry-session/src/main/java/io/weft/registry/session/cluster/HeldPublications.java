package io.weft.registry.session.cluster;

import io.weft.registry.protocol.Slots;
import io.weft.registry.session.data.DataInfoId;
import io.weft.registry.session.data.Publication;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    /**
     * The keys of {@link #held} by the connection they came on, so that a closing connection costs its own
     * publications rather than a look at every one (a thousand clients dropping at once). Changed together with
     * {@code held} under this object's lock; reads of {@code held} take no lock.
     */
    private final Map<String, Set<PublicationKey>> byConnection = new HashMap<>();
    /**
     * How many publications are held in each slot, for a table of {@code perSlot.length} slots: a lease renewal
     * (every 5 s) reports them by slot leader, which would otherwise hash every held publication's id. Built at the
     * first count, and again when the slot count changes; kept up under this object's lock.
     */
    private int[] perSlot = new int[0];

    /** Holds {@code publication}, replacing the one with its registId in that datum. */
    public synchronized PublicationKey put(DataInfoId id, Publication publication, long nowMillis) {
        PublicationKey key = new PublicationKey(id, publication.registId());
        Held previous = held.put(key, new Held(publication, nowMillis));
        if (previous != null) {
            unindex(previous.publication().connectionId(), key);
        } else {
            tally(key, 1);
        }
        byConnection.computeIfAbsent(publication.connectionId(), connection -> new HashSet<>()).add(key);
        return key;
    }

    /** Forgets the publication; the key is returned so the data servers can be told. */
    public synchronized PublicationKey remove(DataInfoId id, String registId) {
        PublicationKey key = new PublicationKey(id, registId);
        Held previous = held.remove(key);
        if (previous != null) {
            unindex(previous.publication().connectionId(), key);
            tally(key, -1);
        }
        return key;
    }

    /** Forgets every publication of the connection and returns their keys. */
    public synchronized List<PublicationKey> removeConnection(String connectionId) {
        Set<PublicationKey> keys = byConnection.remove(connectionId);
        if (keys == null) {
            return List.of();
        }
        for (PublicationKey key : keys) {
            if (held.remove(key) != null) {
                tally(key, -1);
            }
        }
        return new ArrayList<>(keys);
    }

    private void tally(PublicationKey key, int delta) {
        if (perSlot.length > 0) {
            perSlot[Slots.slotOf(key.id().toString(), perSlot.length)] += delta;
        }
    }

    private void unindex(String connectionId, PublicationKey key) {
        Set<PublicationKey> keys = byConnection.get(connectionId);
        if (keys != null && keys.remove(key) && keys.isEmpty()) {
            byConnection.remove(connectionId);
        }
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
    public synchronized Map<String, Integer> countsByLeader(SlotRouting routing) {
        if (perSlot.length != routing.slotCount()) {
            perSlot = new int[routing.slotCount()];
            held.keySet().forEach(key -> tally(key, 1));
        }
        Map<String, Integer> counts = new HashMap<>();
        for (int slot = 0; slot < perSlot.length; slot++) {
            String leader = routing.leaderOfSlot(slot);
            if (leader != null && perSlot[slot] > 0) {
                counts.merge(leader, perSlot[slot], Integer::sum);
            }
        }
        return counts;
    }
}
