package io.weft.registry.protocol;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A datum: its version and publishers. A datum nobody published has version 0 until its first
 * change. Versions are {@code epochMillis << 12 | sequence} from the slot leader's clock and rise across leader
 * changes and restarts (RCP-12).
 *
 * <p>A plain Hessian message (decision record 0021): not thread-safe, not to be shared while it is filled.
 */
public final class DatumView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** False when this server does not lead the slot or does not work yet. */
    private boolean success;
    /** Why not. */
    private String message;
    /** The datum. */
    private String dataInfoId;
    /** Its version. */
    private long version;
    /** Its publishers. */
    private List<PublisherEntry> publishers = new ArrayList<>();

    /** For Hessian, which fills the fields. */
    public DatumView() {
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
        return "DatumView{"
                + "success=" + success
                + ", message='" + message + "'"
                + ", dataInfoId='" + dataInfoId + "'"
                + ", version=" + version
                + ", publishers=" + publishers
                + "}";
    }
}
