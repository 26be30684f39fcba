package io.weft.registry.protocol;

import java.io.Serializable;

/**
 * A session fetches a datum from the leader of its slot (after a {@link DatumChanged}, or to
 * answer a subscriber). Answered with a {@link DatumView}.
 *
 * <p>A plain Hessian message (decision record 0021): not thread-safe, not to be shared while it is filled.
 */
public final class GetDatumRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The datum. */
    private String dataInfoId;

    /** For Hessian, which fills the fields. */
    public GetDatumRequest() {
    }

    public String getDataInfoId() {
        return dataInfoId;
    }

    public void setDataInfoId(String dataInfoId) {
        this.dataInfoId = dataInfoId;
    }

    @Override
    public String toString() {
        return "GetDatumRequest{"
                + "dataInfoId='" + dataInfoId + "'"
                + "}";
    }
}
