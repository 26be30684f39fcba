package io.weft.registry.protocol;

import java.io.Serializable;

/**
 * A session hands one publisher to the data server leading its datum's slot (REG-36). Answered
 * with a {@link DataReply}; a server that does not lead the slot refuses it with
 * {@link ReplyMessages#notLeaderOfSlot} and the leader it knows.
 *
 * <p>A plain Hessian message (decision record 0021): not thread-safe, not to be shared while it is filled.
 */
public final class PublishRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The epoch of the session's slot table, for the logs of both ends. */
    private long slotTableEpoch;
    /** The datum's key (REG-20), what the slot is computed from. */
    private String dataInfoId;
    /** The data id of the publisher's registration. */
    private String dataId;
    /** Its group. */
    private String group;
    /** Its instance id. */
    private String instanceId;
    /** The publisher. */
    private PublisherEntry publisher;

    /** For Hessian, which fills the fields. */
    public PublishRequest() {
    }

    public long getSlotTableEpoch() {
        return slotTableEpoch;
    }

    public void setSlotTableEpoch(long slotTableEpoch) {
        this.slotTableEpoch = slotTableEpoch;
    }

    public String getDataInfoId() {
        return dataInfoId;
    }

    public void setDataInfoId(String dataInfoId) {
        this.dataInfoId = dataInfoId;
    }

    public String getDataId() {
        return dataId;
    }

    public void setDataId(String dataId) {
        this.dataId = dataId;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getInstanceId() {
        return instanceId;
    }

    public void setInstanceId(String instanceId) {
        this.instanceId = instanceId;
    }

    public PublisherEntry getPublisher() {
        return publisher;
    }

    public void setPublisher(PublisherEntry publisher) {
        this.publisher = publisher;
    }

    @Override
    public String toString() {
        return "PublishRequest{"
                + "slotTableEpoch=" + slotTableEpoch
                + ", dataInfoId='" + dataInfoId + "'"
                + ", dataId='" + dataId + "'"
                + ", group='" + group + "'"
                + ", instanceId='" + instanceId + "'"
                + ", publisher=" + publisher
                + "}";
    }
}
