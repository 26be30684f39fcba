package io.weft.registry.protocol;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Every datum of one slot that the answering data server holds.
 *
 * <p>A plain Hessian message (decision record 0021): not thread-safe, not to be shared while it is filled.
 */
public final class SlotSnapshot implements Serializable {

    private static final long serialVersionUID = 1L;

    /** False when the server cannot answer (it does not work yet). */
    private boolean success;
    /** Why not. */
    private String message;
    /** The slot. */
    private int slotId;
    /** The datums, each with its version and publishers. */
    private List<DatumView> datums = new ArrayList<>();
    /**
     * The epoch of the slot table the answering server was under (0 from a server older than protocol 1.4.0): below
     * the asker's, the answering server may still take writes for the slot as its owner under the older table, and
     * the asker asks again once it has caught up.
     */
    private long slotTableEpoch;

    /** For Hessian, which fills the fields. */
    public SlotSnapshot() {
    }

    public boolean isSuccess() {
        return success;
    }

    public void setSuccess(boolean success) {
        this.success = success;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public int getSlotId() {
        return slotId;
    }

    public void setSlotId(int slotId) {
        this.slotId = slotId;
    }

    public long getSlotTableEpoch() {
        return slotTableEpoch;
    }

    public void setSlotTableEpoch(long slotTableEpoch) {
        this.slotTableEpoch = slotTableEpoch;
    }

    public List<DatumView> getDatums() {
        return datums;
    }

    /** Copies {@code datums} into an {@code ArrayList}; null means none. */
    public void setDatums(List<DatumView> datums) {
        this.datums = datums == null ? new ArrayList<>() : new ArrayList<>(datums);
    }

    @Override
    public String toString() {
        return "SlotSnapshot{"
                + "success=" + success
                + ", message='" + message + "'"
                + ", slotId=" + slotId
                + ", slotTableEpoch=" + slotTableEpoch
                + ", datums=" + datums
                + "}";
    }
}
