package io.weft.registry.protocol;

import java.io.Serializable;

/**
 * A session renews its lease on a data server every {@code renewMillis}; the data server
 * removes every publisher of a session process not renewed for {@code leaseMillis} (REG-34, REG-35). Answered with a
 * {@link DataReply}.
 *
 * <p>A plain Hessian message (decision record 0021): not thread-safe, not to be shared while it is filled.
 */
public final class SessionLeaseRenew implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The session server. */
    private String sessionAddress;
    /** Its process. */
    private String sessionProcessId;
    /** How many of the session's publishers this data server leads the slots of, as the session counts them. */
    private int publisherCount;
    /**
     * The session reads {@link DatumChangedBatch} notices (protocol 1.6.0, decision record 0027). A data server sends
     * batches on the connection a renewal saying so came on, single notices on any other: a session older than
     * 1.6.0 leaves this false, as Hessian does for a field it does not know.
     */
    private boolean noticeBatches;

    /** For Hessian, which fills the fields. */
    public SessionLeaseRenew() {
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

    public int getPublisherCount() {
        return publisherCount;
    }

    public void setPublisherCount(int publisherCount) {
        this.publisherCount = publisherCount;
    }

    public boolean isNoticeBatches() {
        return noticeBatches;
    }

    public void setNoticeBatches(boolean noticeBatches) {
        this.noticeBatches = noticeBatches;
    }

    @Override
    public String toString() {
        return "SessionLeaseRenew{"
                + "sessionAddress='" + sessionAddress + "'"
                + ", sessionProcessId='" + sessionProcessId + "'"
                + ", publisherCount=" + publisherCount
                + ", noticeBatches=" + noticeBatches
                + "}";
    }
}
