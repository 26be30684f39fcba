package io.weft.registry.protocol;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One publisher of a datum as data servers hold it: which session holds its client, on which
 * connection, and the data the client published.
 *
 * <p>A plain Hessian message (decision record 0021): not thread-safe, not to be shared while it is filled.
 */
public final class PublisherEntry implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The client's registration id (REG-24): a publish with a known one replaces it. */
    private String registerId;
    /** The session server holding the client. */
    private String sessionAddress;
    /** That session's process, new at each of its starts: the key of its lease. */
    private String sessionProcessId;
    /** The client's connection on that session, for {@link ClientOffRequest}. */
    private String connectionId;
    /** The client's zone. */
    private String zone;
    /** The published values (REG-27). */
    private List<String> data = new ArrayList<>();
    /** The registration's version on the client: an older one does not replace a newer one. */
    private long clientVersion;
    /** When the session received the registration, epoch milliseconds. */
    private long registerTimestamp;

    /** For Hessian, which fills the fields. */
    public PublisherEntry() {
    }

    public String getRegisterId() {
        return registerId;
    }

    public void setRegisterId(String registerId) {
        this.registerId = registerId;
    }

    public String getSessionAddress() {
        return sessionAddress;
    }

    public void setSessionAddress(String sessionAddress) {
        this.sessionAddress = sessionAddress;
    }

    public String getSessionProcessId() {
        return sessionProcessId;
    }

    public void setSessionProcessId(String sessionProcessId) {
        this.sessionProcessId = sessionProcessId;
    }

    public String getConnectionId() {
        return connectionId;
    }

    public void setConnectionId(String connectionId) {
        this.connectionId = connectionId;
    }

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }

    public List<String> getData() {
        return data;
    }

    /** Copies {@code data} into an {@code ArrayList}; null means none. */
    public void setData(List<String> data) {
        this.data = data == null ? new ArrayList<>() : new ArrayList<>(data);
    }

    public long getClientVersion() {
        return clientVersion;
    }

    public void setClientVersion(long clientVersion) {
        this.clientVersion = clientVersion;
    }

    public long getRegisterTimestamp() {
        return registerTimestamp;
    }

    public void setRegisterTimestamp(long registerTimestamp) {
        this.registerTimestamp = registerTimestamp;
    }

    @Override
    public String toString() {
        return "PublisherEntry{"
                + "registerId='" + registerId + "'"
                + ", sessionAddress='" + sessionAddress + "'"
                + ", sessionProcessId='" + sessionProcessId + "'"
                + ", connectionId='" + connectionId + "'"
                + ", zone='" + zone + "'"
                + ", data=" + data
                + ", clientVersion=" + clientVersion
                + ", registerTimestamp=" + registerTimestamp
                + "}";
    }
}
