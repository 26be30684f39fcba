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
                + ", datums=" + datums
                + "}";
    }
}
