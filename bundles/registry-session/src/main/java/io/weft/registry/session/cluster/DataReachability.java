package io.weft.registry.session.cluster;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether each data server answered the session's last call to it, for health and metrics. Every call's outcome
 * updates it; servers the cluster no longer names are forgotten. Thread-safe.
 */
public final class DataReachability {

    private final Map<String, Boolean> reachable = new ConcurrentHashMap<>();

    public void answered(String address) {
        reachable.put(address, true);
    }

    public void failed(String address) {
        reachable.put(address, false);
    }

    /** Keeps only {@code known}; a newly named server counts as unreachable until it answers. */
    public void retain(Collection<String> known) {
        Set<String> keep = Set.copyOf(known);
        reachable.keySet().retainAll(keep);
        keep.forEach(address -> reachable.putIfAbsent(address, false));
    }

    /** Each known data server and whether its last call was answered, by address. */
    public Map<String, Boolean> snapshot() {
        return new TreeMap<>(reachable);
    }
}
