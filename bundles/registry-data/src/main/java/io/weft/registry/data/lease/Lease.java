package io.weft.registry.data.lease;

/**
 * One session process's lease.
 *
 * @param sessionProcessId the session process
 * @param sessionAddress   the session server it runs on
 * @param renewedAtMillis  when it was last renewed (or first seen)
 * @param superseded       whether a newer process of the same session address renewed since: this one restarted
 */
public record Lease(String sessionProcessId, String sessionAddress, long renewedAtMillis, boolean superseded) {

    /** A lease renewed by its process at {@code renewedAtMillis}. */
    public Lease(String sessionProcessId, String sessionAddress, long renewedAtMillis) {
        this(sessionProcessId, sessionAddress, renewedAtMillis, false);
    }

    Lease supersede() {
        return new Lease(sessionProcessId, sessionAddress, renewedAtMillis, true);
    }
}
