package io.weft.registry.protocol;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The meta's answer to a {@link NodeHeartbeat} (and to a {@link Ping}): the cluster as the meta
 * leader sees it. A meta follower answers {@code success=false}, message {@link ReplyMessages#NOT_LEADER} and
 * {@code leader} set; the node then sends its next heartbeat to the leader.
 *
 * <p>A plain Hessian message (decision record 0021): not thread-safe, not to be shared while it is filled.
 */
public final class ClusterView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Whether this meta leads and registered or renewed the sender. */
    private boolean success;
    /** What an operator reads when it did not. */
    private String message;
    /** The meta leader's address as the meta knows it, null while there is none. */
    private String leader;
    /** The meta servers. */
    private List<String> metaNodes = new ArrayList<>();
    /** The registered data servers, {@code host:9620}. */
    private List<String> dataNodes = new ArrayList<>();
    /** The registered session servers. */
    private List<String> sessionNodes = new ArrayList<>();
    /** The push switch (REG-61): whether sessions push to clients. */
    private boolean pushOpen;
    /** The slot table, only when the sender's epoch is older; null otherwise. */
    private SlotTableView slotTable;
    /** The operators' persistent data (REG-48, REG-66). */
    private List<PersistentEntry> persistentData = new ArrayList<>();

    /** For Hessian, which fills the fields. */
    public ClusterView() {
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

    public String getLeader() {
        return leader;
    }

    public void setLeader(String leader) {
        this.leader = leader;
    }

    public List<String> getMetaNodes() {
        return metaNodes;
    }

    /** Copies {@code metaNodes} into an {@code ArrayList}; null means none. */
    public void setMetaNodes(List<String> metaNodes) {
        this.metaNodes = metaNodes == null ? new ArrayList<>() : new ArrayList<>(metaNodes);
    }

    public List<String> getDataNodes() {
        return dataNodes;
    }

    /** Copies {@code dataNodes} into an {@code ArrayList}; null means none. */
    public void setDataNodes(List<String> dataNodes) {
        this.dataNodes = dataNodes == null ? new ArrayList<>() : new ArrayList<>(dataNodes);
    }

    public List<String> getSessionNodes() {
        return sessionNodes;
    }

    /** Copies {@code sessionNodes} into an {@code ArrayList}; null means none. */
    public void setSessionNodes(List<String> sessionNodes) {
        this.sessionNodes = sessionNodes == null ? new ArrayList<>() : new ArrayList<>(sessionNodes);
    }

    public boolean isPushOpen() {
        return pushOpen;
    }

    public void setPushOpen(boolean pushOpen) {
        this.pushOpen = pushOpen;
    }

    public SlotTableView getSlotTable() {
        return slotTable;
    }

    public void setSlotTable(SlotTableView slotTable) {
        this.slotTable = slotTable;
    }

    public List<PersistentEntry> getPersistentData() {
        return persistentData;
    }

    /** Copies {@code persistentData} into an {@code ArrayList}; null means none. */
    public void setPersistentData(List<PersistentEntry> persistentData) {
        this.persistentData = persistentData == null ? new ArrayList<>() : new ArrayList<>(persistentData);
    }

    @Override
    public String toString() {
        return "ClusterView{"
                + "success=" + success
                + ", message='" + message + "'"
                + ", leader='" + leader + "'"
                + ", metaNodes=" + metaNodes
                + ", dataNodes=" + dataNodes
                + ", sessionNodes=" + sessionNodes
                + ", pushOpen=" + pushOpen
                + ", slotTable=" + slotTable
                + ", persistentData=" + persistentData
                + "}";
    }
}
