package io.weft.registry.protocol;

import java.io.Serializable;

/**
 * The data server's answer to a publish, unpublish, client off, lease renewal or replication.
 *
 * <p>A plain Hessian message (decision record 0021): not thread-safe, not to be shared while it is filled.
 */
public final class DataReply implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Whether the change was done. */
    private boolean success;
    /** Why not, for an operator; or a note. */
    private String message;
    /** The datum's version after the change, when one datum was concerned. */
    private long datumVersion;
    /** The leader of the slot as this server knows it, when it refused with {@link ReplyMessages#notLeaderOfSlot}. */
    private String slotLeader;
    /**
     * In the answer to a lease renewal: how many of the renewing session process's publishers this server holds in
     * the slots it leads, to compare with the count the session sent; -1 when not told (other answers, older
     * servers).
     */
    private int heldPublishers = -1;

    /** For Hessian, which fills the fields. */
    public DataReply() {
    }

    /** A {@code success=false} reply, with the reason an operator can read. */
    public static DataReply refused(String message) {
        DataReply reply = new DataReply();
        reply.setSuccess(false);
        reply.setMessage(message);
        return reply;
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

    public long getDatumVersion() {
        return datumVersion;
    }

    public void setDatumVersion(long datumVersion) {
        this.datumVersion = datumVersion;
    }

    public int getHeldPublishers() {
        return heldPublishers;
    }

    public void setHeldPublishers(int heldPublishers) {
        this.heldPublishers = heldPublishers;
    }

    public String getSlotLeader() {
        return slotLeader;
    }

    public void setSlotLeader(String slotLeader) {
        this.slotLeader = slotLeader;
    }

    @Override
    public String toString() {
        return "DataReply{"
                + "success=" + success
                + ", message='" + message + "'"
                + ", datumVersion=" + datumVersion
                + ", slotLeader='" + slotLeader + "'"
                + ", heldPublishers=" + heldPublishers
                + "}";
    }
}
