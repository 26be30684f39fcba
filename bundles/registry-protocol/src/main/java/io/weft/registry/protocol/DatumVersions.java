package io.weft.registry.protocol;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * The versions of the requested datums whose slot this data server leads; the others are left
 * out.
 *
 * <p>A plain Hessian message (decision record 0021): not thread-safe, not to be shared while it is filled.
 */
public final class DatumVersions implements Serializable {

    private static final long serialVersionUID = 1L;

    /** False when this server does not work yet. */
    private boolean success;
    /** Why not, or which datums were left out. */
    private String message;
    /** Version by dataInfoId; 0 for a datum nobody published. */
    private Map<String, Long> versions = new HashMap<>();

    /** For Hessian, which fills the fields. */
    public DatumVersions() {
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

    public Map<String, Long> getVersions() {
        return versions;
    }

    /** Copies {@code versions} into a {@code HashMap}; null means none. */
    public void setVersions(Map<String, Long> versions) {
        this.versions = versions == null ? new HashMap<>() : new HashMap<>(versions);
    }

    @Override
    public String toString() {
        return "DatumVersions{"
                + "success=" + success
                + ", message='" + message + "'"
                + ", versions=" + versions
                + "}";
    }
}
