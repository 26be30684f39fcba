package io.weft.registry.meta.state;

import java.util.List;

/**
 * The slot table the meta leader owns and tells session and data servers (ARCHITECTURE §3). The epoch
 * rises whenever an assignment changes, so a reader can tell a newer table from an older one.
 */
public record SlotTable(long epoch, List<Slot> slots) {

    public SlotTable {
        slots = List.copyOf(slots);
    }

    /** How many slots {@code address} leads. */
    public int leaderCount(String address) {
        return (int) slots.stream().filter(s -> address.equals(s.leader())).count();
    }

    /** How many slots {@code address} holds a replica of. */
    public int followerCount(String address) {
        return (int) slots.stream().filter(s -> s.followers().contains(address)).count();
    }
}
