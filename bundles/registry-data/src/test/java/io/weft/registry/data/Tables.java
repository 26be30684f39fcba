package io.weft.registry.data;

import io.weft.registry.protocol.SlotTableView;
import io.weft.registry.protocol.SlotView;
import io.weft.registry.protocol.Slots;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Slot tables for tests. */
public final class Tables {

    private Tables() {
    }

    /** Every one of {@code slotCount} slots led by {@code leader} with {@code followers}. */
    public static SlotTableView all(long epoch, int slotCount, String leader, String... followers) {
        return table(epoch, slotCount, id -> slot(id, leader, followers));
    }

    public static SlotTableView table(long epoch, int slotCount, IntFunction<SlotView> slot) {
        List<SlotView> slots = new ArrayList<>();
        for (int id = 0; id < slotCount; id++) {
            slots.add(slot.apply(id));
        }
        SlotTableView view = new SlotTableView();
        view.setEpoch(epoch);
        view.setSlots(slots);
        return view;
    }

    public static SlotView slot(int id, String leader, String... followers) {
        SlotView slot = new SlotView();
        slot.setId(id);
        slot.setLeader(leader);
        slot.setFollowers(List.of(followers));
        return slot;
    }

    /** A dataInfoId that falls into {@code slot} of {@code slotCount}. */
    public static String idInSlot(int slot, int slotCount) {
        for (int i = 0; ; i++) {
            String id = "com.example.Service" + i + "#@#DEFAULT_INSTANCE_ID#@#SOFA";
            if (Slots.slotOf(id, slotCount) == slot) {
                return id;
            }
        }
    }
}
