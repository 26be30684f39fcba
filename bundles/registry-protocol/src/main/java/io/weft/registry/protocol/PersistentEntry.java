package io.weft.registry.protocol;

import java.io.Serializable;

/**
 * One persistent datum written by operators through the meta (REG-48, REG-66, RCP-20).
 *
 * <p>A plain Hessian message (decision record 0021): not thread-safe, not to be shared while it is filled.
 */
public final class PersistentEntry implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The data id. */
    private String dataId;
    /** The group. */
    private String group;
    /** The instance id. */
    private String instanceId;
    /** Rises with each write. */
    private long version;
    /** The value; null when it was removed. */
    private String data;

    /** For Hessian, which fills the fields. */
    public PersistentEntry() {
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

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public String getData() {
        return data;
    }

    public void setData(String data) {
        this.data = data;
    }

    @Override
    public String toString() {
        return "PersistentEntry{"
                + "dataId='" + dataId + "'"
                + ", group='" + group + "'"
                + ", instanceId='" + instanceId + "'"
                + ", version=" + version
                + ", data='" + data + "'"
                + "}";
    }
}
