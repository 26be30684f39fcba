package io.weft.registry.protocol;

import java.io.Serializable;

/**
 * A data server that newly holds a slot asks one that held it for all of it on 9621.
 * Answered with a {@link SlotSnapshot}.
 *
 * <p>A plain Hessian message (decision record 0021): not thread-safe, not to be shared while it is filled.
 */
public final class SlotSyncRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The slot. */
    private int slotId;

    /** For Hessian, which fills the fields. */
    public SlotSyncRequest() {
    }

    public int getSlotId() {
        return slotId;
    }

    public void setSlotId(int slotId) {
        this.slotId = slotId;
    }

    @Override
    public String toString() {
        return "SlotSyncRequest{"
                + "slotId=" + slotId
                + "}";
    }
}
