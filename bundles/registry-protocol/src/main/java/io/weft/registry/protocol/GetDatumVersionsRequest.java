package io.weft.registry.protocol;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A session re-reads, every {@code renewMillis}, the versions of the datums its
 * subscribers hold, so that a lost {@link DatumChanged} costs at most that long. Answered with
 * {@link DatumVersions}.
 *
 * <p>A plain Hessian message (decision record 0021): not thread-safe, not to be shared while it is filled.
 */
public final class GetDatumVersionsRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The datums. */
    private List<String> dataInfoIds = new ArrayList<>();

    /** For Hessian, which fills the fields. */
    public GetDatumVersionsRequest() {
    }

    public List<String> getDataInfoIds() {
        return dataInfoIds;
    }

    /** Copies {@code dataInfoIds} into an {@code ArrayList}; null means none. */
    public void setDataInfoIds(List<String> dataInfoIds) {
        this.dataInfoIds = dataInfoIds == null ? new ArrayList<>() : new ArrayList<>(dataInfoIds);
    }

    @Override
    public String toString() {
        return "GetDatumVersionsRequest{"
                + "dataInfoIds=" + dataInfoIds
                + "}";
    }
}
