package io.weft.registry.protocol;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Several publications of one session to one data server in one call: the session's changes that wait while a
 * call is on its way travel together, so a burst of registrations costs one Bolt round trip per batch instead of
 * one per publication (decision record 0021). Each entry is handled exactly as the same request on its own would
 * be; answered with a {@link PublicationBatchReply} holding one {@link DataReply} per entry, in the same order.
 * A session sends each publication at most once per batch.
 *
 * <p>A plain Hessian message: not thread-safe, not to be shared while it is filled.
 */
public final class PublicationBatch implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The most entries (publishes and unpublishes together) a data server takes in one batch. */
    public static final int MAX_ENTRIES = 1000;

    private List<PublishRequest> publishes = new ArrayList<>();
    private List<UnpublishRequest> unpublishes = new ArrayList<>();

    /** For Hessian, which fills the fields. */
    public PublicationBatch() {
    }

    public List<PublishRequest> getPublishes() {
        return publishes;
    }

    /** Copies {@code publishes} into an {@code ArrayList}; null means none. */
    public void setPublishes(List<PublishRequest> publishes) {
        this.publishes = publishes == null ? new ArrayList<>() : new ArrayList<>(publishes);
    }

    public List<UnpublishRequest> getUnpublishes() {
        return unpublishes;
    }

    /** Copies {@code unpublishes} into an {@code ArrayList}; null means none. */
    public void setUnpublishes(List<UnpublishRequest> unpublishes) {
        this.unpublishes = unpublishes == null ? new ArrayList<>() : new ArrayList<>(unpublishes);
    }

    /** Publishes and unpublishes together; 0 for a batch Hessian read without lists. */
    public int size() {
        return (publishes == null ? 0 : publishes.size()) + (unpublishes == null ? 0 : unpublishes.size());
    }

    @Override
    public String toString() {
        return "PublicationBatch{" + (publishes == null ? 0 : publishes.size()) + " publishes, "
                + (unpublishes == null ? 0 : unpublishes.size()) + " unpublishes}";
    }
}
