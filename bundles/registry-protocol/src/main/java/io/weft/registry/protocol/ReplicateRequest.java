package io.weft.registry.protocol;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A slot leader sends each change to the slot's followers on 9621: the whole datum, so
 * replays are idempotent and a follower keeps the highest version. Answered with a {@link DataReply}.
 *
 * <p>A plain Hessian message (decision record 0021): not thread-safe, not to be shared while it is filled.
 */
public final class ReplicateRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The slot. */
    private int slotId;
    /** The datum. */
    private String dataInfoId;
    /** Its version. */
    private long version;
    /** All of its publishers. */
    private List<PublisherEntry> publishers = new ArrayList<>();

    /** For Hessian, which fills the fields. */
    public ReplicateRequest() {
    }

    public int getSlotId() {
        return slotId;
    }

    public void setSlotId(int slotId) {
        this.slotId = slotId;
    }

    public String getDataInfoId() {
        return dataInfoId;
    }

    public void setDataInfoId(String dataInfoId) {
        this.dataInfoId = dataInfoId;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public List<PublisherEntry> getPublishers() {
        return publishers;
    }

    /** Copies {@code publishers} into an {@code ArrayList}; null means none. */
    public void setPublishers(List<PublisherEntry> publishers) {
        this.publishers = publishers == null ? new ArrayList<>() : new ArrayList<>(publishers);
    }

    @Override
    public String toString() {
        return "ReplicateRequest{"
                + "slotId=" + slotId
                + ", dataInfoId='" + dataInfoId + "'"
                + ", version=" + version
                + ", publishers=" + publishers
                + "}";
    }
}
