package io.weft.registry.protocol;

import java.io.Serializable;

/**
 * One-way notice from a data server to every session connected to it after a datum changed
 * (REG-37): a session with subscribers of it fetches the datum and pushes.
 *
 * <p>A plain Hessian message (decision record 0021): not thread-safe, not to be shared while it is filled.
 */
public final class DatumChanged implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The datum. */
    private String dataInfoId;
    /** Its new version. */
    private long version;

    /** For Hessian, which fills the fields. */
    public DatumChanged() {
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

    @Override
    public String toString() {
        return "DatumChanged{"
                + "dataInfoId='" + dataInfoId + "'"
                + ", version=" + version
                + "}";
    }
}
