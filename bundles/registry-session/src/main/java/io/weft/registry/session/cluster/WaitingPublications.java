package io.weft.registry.session.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The publications {@link PublicationSync} has still to send, in the order they were marked, filed by the data
 * server they go to. Filing them lets a drain look at the publications it can send now and at nothing else: a
 * server at its limit of calls, or paused, costs one look however many publications wait for it. A drain that
 * walked every waiting publication cost the data-sync thread time in proportion to the backlog at every change,
 * so a backlog grew faster the larger it was: under a registration burst the thread fell minutes behind.
 *
 * <p>Where a publication goes is decided when it is filed, by the slot table then in force; the drain checks it
 * again before sending ({@link #refile}) and a new table refiles every one ({@link #refileAll}). A publication
 * with nowhere to go yet (no table, a slot without leader) waits unfiled until the next table.
 *
 * <p>Not thread-safe: confined to the data-sync thread.
 */
final class WaitingPublications {

    /** Per data server, its waiting publications in marking order; a server with none has no entry. */
    private final Map<String, LinkedHashSet<PublicationKey>> byServer = new LinkedHashMap<>();
    /** No slot table yet, or a slot without leader. */
    private final LinkedHashSet<PublicationKey> unrouted = new LinkedHashSet<>();
    /** Where each waiting publication is filed; null for {@link #unrouted}. */
    private final Map<PublicationKey, String> filedAt = new HashMap<>();

    /**
     * Files {@code key} for {@code server} (null: nowhere yet), unless it already waits: a publication marked again
     * keeps its place, it will be sent with what the session holds at sending time.
     */
    void add(PublicationKey key, String server) {
        if (filedAt.containsKey(key)) {
            return;
        }
        filedAt.put(key, server);
        queue(server).add(key);
    }

    boolean contains(PublicationKey key) {
        return filedAt.containsKey(key);
    }

    int size() {
        return filedAt.size();
    }

    /** The servers publications wait for, in the order they were first filed. */
    List<String> servers() {
        return new ArrayList<>(byServer.keySet());
    }

    /** The first publication waiting for {@code server}, or null. */
    PublicationKey first(String server) {
        Set<PublicationKey> keys = byServer.get(server);
        return keys == null ? null : keys.iterator().next();
    }

    /** Takes {@code key} out: it is on its way. */
    void remove(PublicationKey key) {
        if (!filedAt.containsKey(key)) {
            return;
        }
        String server = filedAt.remove(key);
        Set<PublicationKey> keys = queue(server);
        keys.remove(key);
        if (server != null && keys.isEmpty()) {
            byServer.remove(server);
        }
    }

    /** Files {@code key} for {@code server} instead, at the end of its queue. */
    void refile(PublicationKey key, String server) {
        remove(key);
        add(key, server);
    }

    /** Files every waiting publication again by {@code serverOf} (null: nowhere yet); for a new slot table. */
    void refileAll(Function<PublicationKey, String> serverOf) {
        List<PublicationKey> all = new ArrayList<>(unrouted);
        byServer.values().forEach(all::addAll);
        unrouted.clear();
        byServer.clear();
        filedAt.clear();
        for (PublicationKey key : all) {
            add(key, serverOf.apply(key));
        }
    }

    /** How many wait for each server, and with nowhere to go under the key "none"; for the stall report. */
    Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        byServer.forEach((server, keys) -> counts.put(server, keys.size()));
        if (!unrouted.isEmpty()) {
            counts.put("none", unrouted.size());
        }
        return counts;
    }

    private Set<PublicationKey> queue(String server) {
        return server == null ? unrouted : byServer.computeIfAbsent(server, s -> new LinkedHashSet<>());
    }
}
