package io.weft.registry.protocol;

import java.io.Serializable;

/**
 * A session or data server's heartbeat to the meta servers (REG-32, REG-34, REG-50, REG-51): to
 * 9610 from a session, to 9611 from a data server, every {@code heartbeatMillis}. The first one registers the
 * node with the meta leader, later ones renew it. Answered with a {@link ClusterView}.
 *
 * <p>A plain Hessian message (decision record 0021): not thread-safe, not to be shared while it is filled.
 */
public final class NodeHeartbeat implements Serializable {

    private static final long serialVersionUID = 1L;

    /** {@link RegistryRoles#SESSION} or {@link RegistryRoles#DATA}. */
    private String role;
    /** Where the sender serves its own kind of peer: {@code host:9620} for a data server. */
    private String address;
    /** The sender's data center. */
    private String dataCenter;
    /** The sender's zone. */
    private String zone;
    /** New at every start of the sender, so the meta tells a restart from a renewal. */
    private String processId;
    /** The epoch of the slot table the sender holds, 0 for none: the reply carries the table only when this is older. */
    private long slotTableEpoch;
    /**
     * Whether the sender takes {@link ViewChanged} notices on this connection (1.5.0): then the meta leader tells it at
     * once when the view changes, and it heartbeats then instead of at its next period. False from an older sender,
     * which would refuse the unknown class.
     */
    private boolean viewNotices;

    /** For Hessian, which fills the fields. */
    public NodeHeartbeat() {
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getDataCenter() {
        return dataCenter;
    }

    public void setDataCenter(String dataCenter) {
        this.dataCenter = dataCenter;
    }

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }

    public String getProcessId() {
        return processId;
    }

    public void setProcessId(String processId) {
        this.processId = processId;
    }

    public long getSlotTableEpoch() {
        return slotTableEpoch;
    }

    public void setSlotTableEpoch(long slotTableEpoch) {
        this.slotTableEpoch = slotTableEpoch;
    }

    public boolean isViewNotices() {
        return viewNotices;
    }

    public void setViewNotices(boolean viewNotices) {
        this.viewNotices = viewNotices;
    }

    @Override
    public String toString() {
        return "NodeHeartbeat{"
                + "role='" + role + "'"
                + ", address='" + address + "'"
                + ", dataCenter='" + dataCenter + "'"
                + ", zone='" + zone + "'"
                + ", processId='" + processId + "'"
                + ", slotTableEpoch=" + slotTableEpoch
                + ", viewNotices=" + viewNotices
                + "}";
    }
}
