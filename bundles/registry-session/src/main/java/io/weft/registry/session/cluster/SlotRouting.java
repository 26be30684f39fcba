package io.weft.registry.session.cluster;

import io.weft.registry.protocol.SlotTableView;
import io.weft.registry.protocol.SlotView;
import io.weft.registry.protocol.Slots;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The slot table as a session uses it (decision record 0021): which data server leads the slot of a
 * {@code dataInfoId} ({@link Slots#slotOf}, computed as the data servers compute it), and every data server the
 * table names. Immutable.
 */
public final class SlotRouting {

    private final long epoch;
    /** The leader of each slot, by slot id; null where the slot has none. */
    private final List<String> leaders;
    private final Set<String> servers;

    private SlotRouting(long epoch, List<String> leaders, Set<String> servers) {
        this.epoch = epoch;
        this.leaders = leaders;
        this.servers = servers;
    }

    /**
     * @throws IllegalArgumentException if the table has no slots, or its slot ids are not 0 .. n-1 each once
     */
    public static SlotRouting of(SlotTableView view) {
        List<SlotView> slots = new ArrayList<>(view.getSlots());
        if (slots.isEmpty()) {
            throw new IllegalArgumentException("slot table epoch " + view.getEpoch() + " has no slots");
        }
        slots.sort(Comparator.comparingInt(SlotView::getId));
        List<String> leaders = new ArrayList<>(slots.size());
        Set<String> servers = new LinkedHashSet<>();
        for (int i = 0; i < slots.size(); i++) {
            SlotView slot = slots.get(i);
            if (slot.getId() != i) {
                throw new IllegalArgumentException("slot table epoch " + view.getEpoch() + " has no slot " + i);
            }
            leaders.add(slot.getLeader());
            if (slot.getLeader() != null) {
                servers.add(slot.getLeader());
            }
            slot.getFollowers().stream().filter(f -> f != null).forEach(servers::add);
        }
        return new SlotRouting(view.getEpoch(), Collections.unmodifiableList(leaders),
                Collections.unmodifiableSet(servers));
    }

    public long epoch() {
        return epoch;
    }

    public int slotCount() {
        return leaders.size();
    }

    /** The data server leading the slot of {@code dataInfoId}, null while the slot has none. */
    public String leaderOf(String dataInfoId) {
        return leaders.get(Slots.slotOf(dataInfoId, leaders.size()));
    }

    /** The data server leading slot {@code slot} ({@code 0 .. slotCount() - 1}), null while it has none. */
    public String leaderOfSlot(int slot) {
        return leaders.get(slot);
    }

    /** Every data server the table names, as leader or follower. */
    public Set<String> servers() {
        return servers;
    }
}
