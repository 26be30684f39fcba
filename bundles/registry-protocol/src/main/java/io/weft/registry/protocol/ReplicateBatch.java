package io.weft.registry.protocol;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Several {@link ReplicateRequest}s from a slot leader to one follower in one call on 9621: the changes that queued
 * for that follower while the previous call was on its way travel together (decision record 0027). Each entry is
 * taken exactly as the same request alone would be; answered with a {@link ReplicateBatchReply} holding one
 * {@link DataReply} per entry, in the same order. A leader sends a single pending change as a plain
 * {@link ReplicateRequest}.
 *
 * <p>A plain Hessian message: not thread-safe, not to be shared while it is filled.
 */
public final class ReplicateBatch implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The most entries a follower takes in one batch. */
    public static final int MAX_ENTRIES = 1000;

    private List<ReplicateRequest> entries = new ArrayList<>();

    /** For Hessian, which fills the fields. */
    public ReplicateBatch() {
    }

    public List<ReplicateRequest> getEntries() {
        return entries;
    }

    public void setEntries(List<ReplicateRequest> entries) {
        this.entries = entries;
    }

    @Override
    public String toString() {
        return "ReplicateBatch{" + (entries == null ? 0 : entries.size()) + " entries}";
    }
}
