package io.weft.registry.protocol;

import java.io.Serializable;

/**
 * A session removes one publisher (the client unregistered it). Answered with a
 * {@link DataReply}.
 *
 * <p>A plain Hessian message (decision record 0021): not thread-safe, not to be shared while it is filled.
 */
public final class UnpublishRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The datum. */
    private String dataInfoId;
    /** The publisher's registration id. */
    private String registerId;
    /** The session process that holds it: a publisher held by another one is left alone. */
    private String sessionProcessId;

    /** For Hessian, which fills the fields. */
    public UnpublishRequest() {
    }

    public String getDataInfoId() {
        return dataInfoId;
    }

    public void setDataInfoId(String dataInfoId) {
        this.dataInfoId = dataInfoId;
    }

    public String getRegisterId() {
        return registerId;
    }

    public void setRegisterId(String registerId) {
        this.registerId = registerId;
    }

    public String getSessionProcessId() {
        return sessionProcessId;
    }

    public void setSessionProcessId(String sessionProcessId) {
        this.sessionProcessId = sessionProcessId;
    }

    @Override
    public String toString() {
        return "UnpublishRequest{"
                + "dataInfoId='" + dataInfoId + "'"
                + ", registerId='" + registerId + "'"
                + ", sessionProcessId='" + sessionProcessId + "'"
                + "}";
    }
}
