package io.weft.registry.data.lease;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The leases of the session processes this data server knows, by process id. A renewal, a publish, or finding a
 * process's publishers in a slot this server now leads starts or renews its lease. A session address renewing with
 * a new process id has restarted: the old process is then superseded, and its lease runs out from its own last
 * renewal, so its clients have that long to register again through the new process before what is left of it goes.
 *
 * <p>Thread-safe (one lock; every operation is a few map updates).
 */
public final class SessionLeases {

    private final Map<String, Lease> byProcess = new HashMap<>();
    private final Map<String, String> processByAddress = new HashMap<>();

    /**
     * Renews (or starts) the lease of {@code sessionProcessId} at {@code nowMillis}.
     *
     * @return the lease of an older process of the same session address that this one has just superseded, if any
     *         (it stays, marked superseded, until it expires)
     */
    public synchronized Optional<Lease> renew(String sessionAddress, String sessionProcessId, long nowMillis) {
        byProcess.put(sessionProcessId, new Lease(sessionProcessId, sessionAddress, nowMillis));
        String before = processByAddress.put(sessionAddress, sessionProcessId);
        if (before == null || before.equals(sessionProcessId)) {
            return Optional.empty();
        }
        Lease old = byProcess.computeIfPresent(before, (process, lease) -> lease.supersede());
        return Optional.ofNullable(old);
    }

    /** Whether {@code sessionProcessId} has a lease (renewed at least once and not evicted since). */
    public synchronized boolean known(String sessionProcessId) {
        return byProcess.containsKey(sessionProcessId);
    }

    /**
     * Starts a lease at {@code nowMillis} for each process in {@code processes} that has none: publishers that came
     * by replication or slot sync, whose session never renewed here. Their session gets a whole lease time to
     * renew before they go.
     */
    public synchronized void adopt(Collection<String> processes, String unknownAddress, long nowMillis) {
        for (String process : processes) {
            byProcess.putIfAbsent(process, new Lease(process, unknownAddress, nowMillis));
        }
    }

    /**
     * Removes and returns the leases not renewed for {@code leaseMillis} by {@code nowMillis}.
     */
    public synchronized List<Lease> expire(long nowMillis, long leaseMillis) {
        List<Lease> expired = new ArrayList<>();
        byProcess.values().removeIf(lease -> {
            if (nowMillis - lease.renewedAtMillis() < leaseMillis) {
                return false;
            }
            expired.add(lease);
            return true;
        });
        for (Lease lease : expired) {
            processByAddress.remove(lease.sessionAddress(), lease.sessionProcessId());
        }
        return expired;
    }

    public synchronized int size() {
        return byProcess.size();
    }

    public synchronized Optional<Lease> lease(String sessionProcessId) {
        return Optional.ofNullable(byProcess.get(sessionProcessId));
    }

    @Override
    public synchronized String toString() {
        return "SessionLeases" + Objects.toString(byProcess.keySet());
    }
}
