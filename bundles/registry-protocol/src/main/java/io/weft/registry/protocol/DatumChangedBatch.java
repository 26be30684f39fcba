package io.weft.registry.protocol;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Several {@link DatumChanged} notices from a data server to one session connection in one one-way message: the
 * notices that queued for that connection while the previous one was being written travel together, so a burst of
 * changes costs one Bolt frame per batch instead of one per datum (decision record 0027). A session takes each
 * notice exactly as it would take it alone. A data server sends a single pending notice as a plain
 * {@link DatumChanged}.
 *
 * <p>A plain Hessian message: not thread-safe, not to be shared while it is filled.
 */
public final class DatumChangedBatch implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The most notices a data server puts in one batch. */
    public static final int MAX_NOTICES = 1000;

    private List<DatumChanged> notices = new ArrayList<>();

    /** For Hessian, which fills the fields. */
    public DatumChangedBatch() {
    }

    public List<DatumChanged> getNotices() {
        return notices;
    }

    public void setNotices(List<DatumChanged> notices) {
        this.notices = notices;
    }

    @Override
    public String toString() {
        return "DatumChangedBatch{" + (notices == null ? 0 : notices.size()) + " notices}";
    }
}
