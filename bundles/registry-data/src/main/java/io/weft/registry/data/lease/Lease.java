package io.weft.registry.data.lease;

/**
 * One session process's lease.
 *
 * @param sessionProcessId the session process
 * @param sessionAddress   the session server it runs on
 * @param renewedAtMillis  when it was last renewed (or first seen)
 */
public record Lease(String sessionProcessId, String sessionAddress, long renewedAtMillis) {
}
