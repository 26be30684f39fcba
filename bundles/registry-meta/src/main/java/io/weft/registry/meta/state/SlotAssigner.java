package io.weft.registry.meta.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the next slot table from the previous one and the current data servers (REG-4, REG-32).
 *
 * <p>The result depends only on its inputs, so every replica that applies the same log builds the same
 * table. It moves as little as it can: a slot keeps its leader while that server is registered; the slots
 * of a departed server go to the servers leading fewest; then slots move one at a time from the most to
 * the least loaded server until leader counts differ by at most one. Adding a server therefore moves only
 * the share it takes over, and removing one moves only its own slots. Replicas follow the same rule:
 * kept while registered, missing ones filled from the servers holding fewest replicas.
 *
 * <p>Stateless and thread-safe.
 */
public final class SlotAssigner {

    /** The seed's SOFARegistry default. */
    public static final int DEFAULT_SLOT_COUNT = 256;
    /** ARCHITECTURE §3: two copies of every datum by default. */
    public static final int DEFAULT_REPLICAS = 2;

    private final int slotCount;
    private final int replicas;

    public SlotAssigner(int slotCount, int replicas) {
        if (slotCount < 1) {
            throw new IllegalArgumentException("slotCount must be positive: " + slotCount);
        }
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be positive: " + replicas);
        }
        this.slotCount = slotCount;
        this.replicas = replicas;
    }

    public SlotAssigner() {
        this(DEFAULT_SLOT_COUNT, DEFAULT_REPLICAS);
    }

    public int slotCount() {
        return slotCount;
    }

    /** A table with no leaders, epoch 0. */
    public SlotTable empty() {
        List<Slot> slots = new ArrayList<>(slotCount);
        for (int i = 0; i < slotCount; i++) {
            slots.add(new Slot(i, null, List.of()));
        }
        return new SlotTable(0, slots);
    }

    /**
     * @param previous    the table in force; a table of another size is treated as empty
     * @param dataServers the registered data servers' addresses, in any order
     */
    public SlotTable assign(SlotTable previous, Collection<String> dataServers) {
        if (previous == null || previous.slots().size() != slotCount) {
            previous = empty();
        }
        // Sorted, so that every tie below breaks the same way on every replica.
        List<String> servers = new ArrayList<>(new TreeSet<>(dataServers));
        String[] leaders = assignLeaders(previous, servers);
        List<Slot> slots = assignFollowers(previous, servers, leaders);
        if (slots.equals(previous.slots())) {
            return previous;
        }
        return new SlotTable(previous.epoch() + 1, slots);
    }

    private String[] assignLeaders(SlotTable previous, List<String> servers) {
        String[] leaders = new String[slotCount];
        if (servers.isEmpty()) {
            return leaders;
        }
        Map<String, Integer> load = new HashMap<>();
        servers.forEach(s -> load.put(s, 0));
        for (Slot slot : previous.slots()) {
            if (slot.leader() != null && load.containsKey(slot.leader())) {
                leaders[slot.id()] = slot.leader();
                load.merge(slot.leader(), 1, Integer::sum);
            }
        }
        for (int id = 0; id < slotCount; id++) {
            if (leaders[id] == null) {
                String target = leastLoaded(servers, load, Set.of());
                leaders[id] = target;
                load.merge(target, 1, Integer::sum);
            }
        }
        while (true) {
            String most = mostLoaded(servers, load);
            String least = leastLoaded(servers, load, Set.of());
            if (load.get(most) - load.get(least) <= 1) {
                return leaders;
            }
            for (int id = 0; id < slotCount; id++) {
                if (most.equals(leaders[id])) {
                    leaders[id] = least;
                    load.merge(most, -1, Integer::sum);
                    load.merge(least, 1, Integer::sum);
                    break;
                }
            }
        }
    }

    private List<Slot> assignFollowers(SlotTable previous, List<String> servers, String[] leaders) {
        int wanted = Math.min(replicas - 1, Math.max(0, servers.size() - 1));
        Set<String> alive = new TreeSet<>(servers);
        List<Set<String>> kept = new ArrayList<>(slotCount);
        Map<String, Integer> load = new HashMap<>();
        servers.forEach(s -> load.put(s, 0));
        for (Slot slot : previous.slots()) {
            Set<String> followers = new LinkedHashSet<>();
            for (String f : slot.followers()) {
                if (followers.size() < wanted && alive.contains(f) && !f.equals(leaders[slot.id()])) {
                    followers.add(f);
                    load.merge(f, 1, Integer::sum);
                }
            }
            kept.add(followers);
        }
        List<Slot> slots = new ArrayList<>(slotCount);
        for (int id = 0; id < slotCount; id++) {
            Set<String> followers = kept.get(id);
            while (followers.size() < wanted) {
                Set<String> excluded = new TreeSet<>(followers);
                excluded.add(leaders[id]);
                String target = leastLoaded(servers, load, excluded);
                followers.add(target);
                load.merge(target, 1, Integer::sum);
            }
            slots.add(new Slot(id, leaders[id], List.copyOf(followers)));
        }
        return slots;
    }

    private static String leastLoaded(List<String> servers, Map<String, Integer> load, Set<String> excluded) {
        String best = null;
        for (String s : servers) {
            if (!excluded.contains(s) && (best == null || load.get(s) < load.get(best))) {
                best = s;
            }
        }
        return best;
    }

    private static String mostLoaded(List<String> servers, Map<String, Integer> load) {
        String best = servers.get(0);
        for (String s : servers) {
            if (load.get(s) > load.get(best)) {
                best = s;
            }
        }
        return best;
    }
}
