package io.weft.registry.data.slot;

import io.weft.registry.protocol.SlotTableView;
import io.weft.registry.protocol.SlotView;
import io.weft.registry.protocol.Slots;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A slot table as this data server uses it: checked once when it arrives, then asked which server leads or holds a
 * slot. Addresses are data servers' {@code host:9620}. Immutable.
 */
public final class SlotTable {

    /** One slot: its leader (null when none) and the replica holders, never containing the leader. */
    public record Slot(int id, String leader, List<String> followers) {

        public Slot {
            followers = List.copyOf(followers);
        }

        /** The leader and the followers. */
        public List<String> holders() {
            List<String> holders = new ArrayList<>();
            if (leader != null) {
                holders.add(leader);
            }
            holders.addAll(followers);
            return holders;
        }
    }

    private final long epoch;
    private final List<Slot> slots;

    private SlotTable(long epoch, List<Slot> slots) {
        this.epoch = epoch;
        this.slots = List.copyOf(slots);
    }

    /**
     * @throws IllegalArgumentException if the table has no slots, or its slot ids are not 0 .. n-1 each once
     */
    public static SlotTable of(SlotTableView view) {
        List<SlotView> views = new ArrayList<>(view.getSlots());
        if (views.isEmpty()) {
            throw new IllegalArgumentException("slot table epoch " + view.getEpoch() + " has no slots");
        }
        views.sort(Comparator.comparingInt(SlotView::getId));
        List<Slot> slots = new ArrayList<>(views.size());
        for (int i = 0; i < views.size(); i++) {
            SlotView slot = views.get(i);
            if (slot.getId() != i) {
                throw new IllegalArgumentException("slot table epoch " + view.getEpoch() + " has no slot " + i
                        + " (slot ids must be 0 .. " + (views.size() - 1) + ", each once)");
            }
            Set<String> followers = new LinkedHashSet<>(slot.getFollowers());
            followers.remove(null);
            followers.remove(slot.getLeader());
            slots.add(new Slot(i, slot.getLeader(), List.copyOf(followers)));
        }
        return new SlotTable(view.getEpoch(), slots);
    }

    public long epoch() {
        return epoch;
    }

    public int slotCount() {
        return slots.size();
    }

    public int slotOf(String dataInfoId) {
        return Slots.slotOf(dataInfoId, slots.size());
    }

    public Slot slot(int id) {
        return slots.get(id);
    }

    public List<Slot> slots() {
        return slots;
    }

    public Optional<String> leaderOf(int slotId) {
        return Optional.ofNullable(slots.get(slotId).leader());
    }

    public boolean leads(String address, int slotId) {
        return address != null && address.equals(slots.get(slotId).leader());
    }

    public boolean follows(String address, int slotId) {
        return slots.get(slotId).followers().contains(address);
    }

    /** Leads or follows. */
    public boolean holds(String address, int slotId) {
        return leads(address, slotId) || follows(address, slotId);
    }

    /** Whether {@code address} leads or follows any slot. */
    public boolean names(String address) {
        if (address == null) {
            return false;
        }
        for (Slot slot : slots) {
            if (address.equals(slot.leader()) || slot.followers().contains(address)) {
                return true;
            }
        }
        return false;
    }

    public int leaderCount(String address) {
        return (int) slots.stream().filter(s -> s.leader() != null && s.leader().equals(address)).count();
    }

    public int followerCount(String address) {
        return (int) slots.stream().filter(s -> s.followers().contains(address)).count();
    }
}
