package io.weft.registry.protocol;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The slot table the meta leader's {@code SlotAssigner} made: which data server leads each slot
 * and which hold replicas (REG-4, REG-29). A higher epoch replaces a lower one. The slot count is the number of
 * slots; see {@link Slots#slotOf}.
 *
 * <p>A plain Hessian message (decision record 0021): not thread-safe, not to be shared while it is filled.
 */
public final class SlotTableView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Rises with every change of an assignment. */
    private long epoch;
    /** Every slot, ordered by id. */
    private List<SlotView> slots = new ArrayList<>();

    /** For Hessian, which fills the fields. */
    public SlotTableView() {
    }

    public long getEpoch() {
        return epoch;
    }

    public void setEpoch(long epoch) {
        this.epoch = epoch;
    }

    public List<SlotView> getSlots() {
        return slots;
    }

    /** Copies {@code slots} into an {@code ArrayList}; null means none. */
    public void setSlots(List<SlotView> slots) {
        this.slots = slots == null ? new ArrayList<>() : new ArrayList<>(slots);
    }

    @Override
    public String toString() {
        return "SlotTableView{"
                + "epoch=" + epoch
                + ", slots=" + slots
                + "}";
    }
}
