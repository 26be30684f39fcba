package io.weft.registry.protocol;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One slot of a {@link SlotTableView}.
 *
 * <p>A plain Hessian message (decision record 0021): not thread-safe, not to be shared while it is filled.
 */
public final class SlotView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** 0 .. slot count - 1. */
    private int id;
    /** The data server leading the slot, {@code host:9620}; null while no data server is registered. */
    private String leader;
    /** The data servers holding a replica, never the leader. */
    private List<String> followers = new ArrayList<>();

    /** For Hessian, which fills the fields. */
    public SlotView() {
    }

    public int getId() {
        return id;
    }

    public void setId(int id) {
        this.id = id;
    }

    public String getLeader() {
        return leader;
    }

    public void setLeader(String leader) {
        this.leader = leader;
    }

    public List<String> getFollowers() {
        return followers;
    }

    /** Copies {@code followers} into an {@code ArrayList}; null means none. */
    public void setFollowers(List<String> followers) {
        this.followers = followers == null ? new ArrayList<>() : new ArrayList<>(followers);
    }

    @Override
    public String toString() {
        return "SlotView{"
                + "id=" + id
                + ", leader='" + leader + "'"
                + ", followers=" + followers
                + "}";
    }
}
