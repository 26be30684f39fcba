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

    @Override
    public String toString() {
        return "SessionLeaseRenew{"
                + "sessionAddress='" + sessionAddress + "'"
                + ", sessionProcessId='" + sessionProcessId + "'"
                + ", publisherCount=" + publisherCount
                + "}";
    }
}
