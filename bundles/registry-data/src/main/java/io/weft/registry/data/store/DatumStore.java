package io.weft.registry.data.store;

import io.weft.registry.protocol.PublisherEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Every datum this data server holds (REG-29), by {@code dataInfoId}. Changes made here as slot leader get a new
 * version from the {@link VersionClock}; replicas from the leader keep theirs and only ever replace an older
 * version. A datum whose last publisher left is kept with its version, so the next publish still rises above it,
 * until {@link #forgetEmptySince(long)} drops it: by then the clock part of any new version is past it.
 *
 * <p>Thread-safe: each change is atomic per datum; the methods that touch many datums change them one by one.
 */
public final class DatumStore {

    private final ConcurrentHashMap<String, Datum> datums = new ConcurrentHashMap<>();
    private final VersionClock versions;

    public DatumStore(VersionClock versions) {
        this.versions = versions;
    }

    /**
     * Adds {@code publisher}, or replaces the one with its registration id unless that one has a newer
     * {@code clientVersion} (a late retry of an older registration).
     *
     * @return the datum afterwards, and whether it changed
     */
    public Change publish(String dataInfoId, PublisherEntry publisher) {
        boolean[] changed = {false};
        Datum after = datums.compute(dataInfoId, (id, held) -> {
            Datum current = held == null ? Datum.empty(id) : held;
            PublisherEntry existing = current.publishers().get(publisher.getRegisterId());
            if (existing != null && existing.getClientVersion() > publisher.getClientVersion()) {
                return current;
            }
            Map<String, PublisherEntry> next = new LinkedHashMap<>(current.publishers());
            next.put(publisher.getRegisterId(), publisher);
            changed[0] = true;
            return new Datum(id, versions.next(current.version()), next);
        });
        return new Change(after, changed[0]);
    }

    /**
     * Removes the publisher {@code registerId} if the session process {@code sessionProcessId} holds it.
     *
     * @return the datum afterwards, and whether it changed
     */
    public Change unpublish(String dataInfoId, String registerId, String sessionProcessId) {
        boolean[] changed = {false};
        Datum after = datums.compute(dataInfoId, (id, held) -> {
            Datum current = held == null ? Datum.empty(id) : held;
            PublisherEntry existing = current.publishers().get(registerId);
            if (existing == null || !Objects.equals(existing.getSessionProcessId(), sessionProcessId)) {
                return held;
            }
            Map<String, PublisherEntry> next = new LinkedHashMap<>(current.publishers());
            next.remove(registerId);
            changed[0] = true;
            return new Datum(id, versions.next(current.version()), next);
        });
        return new Change(after == null ? Datum.empty(dataInfoId) : after, changed[0]);
    }

    /** What {@link #removePublishers} did: the datums that changed, as they are afterwards, and the publishers gone. */
    public record Removal(List<Datum> changed, int publishers) {
    }

    /**
     * Removes every publisher {@code gone} selects from the datums {@code scope} selects (the slots this server
     * leads): a client's connections closing (REG-36), a session's lease ending (REG-34, REG-35). Both tests may
     * be asked any number of times of a datum or publisher: they must not count.
     */
    public Removal removePublishers(Predicate<String> scope, Predicate<PublisherEntry> gone) {
        List<Datum> changed = new ArrayList<>();
        int[] removed = {0};
        for (Map.Entry<String, Datum> held : datums.entrySet()) {
            // A client going off touches every datum held: look before copying anything. The scope (a slot
            // lookup, which hashes the id) is asked only of the few datums the client published in.
            if (!anyOf(held.getValue(), gone) || !scope.test(held.getKey())) {
                continue;
            }
            Datum[] result = {null};
            datums.computeIfPresent(held.getKey(), (id, current) -> {
                Map<String, PublisherEntry> next = new LinkedHashMap<>(current.publishers());
                if (!next.values().removeIf(gone)) {
                    return current;
                }
                removed[0] += current.publisherCount() - next.size();
                result[0] = new Datum(id, versions.next(current.version()), next);
                return result[0];
            });
            if (result[0] != null) {
                changed.add(result[0]);
            }
        }
        return new Removal(List.copyOf(changed), removed[0]);
    }

    private static boolean anyOf(Datum datum, Predicate<PublisherEntry> selected) {
        for (PublisherEntry publisher : datum.publishers().values()) {
            if (selected.test(publisher)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Takes a whole datum from its slot leader (replication, slot sync) if it is newer than the one held; null
     * {@code publishers} means none.
     *
     * @return whether it replaced the held one
     */
    public boolean applyReplica(String dataInfoId, long version, Collection<PublisherEntry> publishers) {
        boolean[] applied = {false};
        datums.compute(dataInfoId, (id, held) -> {
            if (held != null && held.version() >= version) {
                return held;
            }
            Map<String, PublisherEntry> next = new LinkedHashMap<>();
            if (publishers != null) {
                publishers.forEach(p -> next.put(p.getRegisterId(), p));
            }
            applied[0] = true;
            return new Datum(id, version, next);
        });
        return applied[0];
    }

    /** The datum, or the empty one of version 0 if this server holds none. */
    public Datum get(String dataInfoId) {
        Datum held = datums.get(dataInfoId);
        return held == null ? Datum.empty(dataInfoId) : held;
    }

    public Optional<Datum> find(String dataInfoId) {
        return Optional.ofNullable(datums.get(dataInfoId));
    }

    /** The datums {@code filter} selects by key, including those without publishers. */
    public List<Datum> datums(Predicate<String> filter) {
        List<Datum> selected = new ArrayList<>();
        datums.forEach((id, datum) -> {
            if (filter.test(id)) {
                selected.add(datum);
            }
        });
        return selected;
    }

    /** The session processes with publishers in the datums {@code scope} selects. */
    public Set<String> sessionProcesses(Predicate<String> scope) {
        Set<String> processes = new HashSet<>();
        datums.forEach((id, datum) -> {
            if (scope.test(id)) {
                datum.publishers().values().forEach(p -> processes.add(p.getSessionProcessId()));
            }
        });
        return processes;
    }

    /** How many publishers of {@code sessionProcessId} the datums {@code scope} selects hold. */
    public int publisherCount(Predicate<String> scope, String sessionProcessId) {
        int count = 0;
        for (Map.Entry<String, Datum> entry : datums.entrySet()) {
            if (scope.test(entry.getKey())) {
                for (PublisherEntry p : entry.getValue().publishers().values()) {
                    if (sessionProcessId.equals(p.getSessionProcessId())) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    /**
     * Forgets the datums {@code keep} does not select (slots this server no longer holds).
     *
     * @return how many were dropped
     */
    public int retainOnly(Predicate<String> keep) {
        int before = datums.size();
        datums.keySet().removeIf(id -> !keep.test(id));
        return before - datums.size();
    }

    /**
     * Forgets the datums without a publisher whose last change (the one that emptied them) is older than
     * {@code millis} by their version's clock part. A publish to one of them later starts again from the
     * {@link VersionClock}, whose clock part is then above the forgotten version, so subscribers still see its
     * versions rise (RCP-12).
     *
     * @return how many were forgotten
     */
    public int forgetEmptySince(long millis) {
        int forgotten = 0;
        for (Map.Entry<String, Datum> entry : datums.entrySet()) {
            Datum datum = entry.getValue();
            // Removed only if it is still that very datum: every change replaces it (datums are immutable), so
            // a publish since it was read keeps it.
            if (datum.publisherCount() == 0 && VersionClock.millisOf(datum.version()) < millis
                    && datums.remove(entry.getKey(), datum)) {
                forgotten++;
            }
        }
        return forgotten;
    }

    /** Datums with at least one publisher. */
    public int datumCount() {
        return (int) datums.values().stream().filter(d -> d.publisherCount() > 0).count();
    }

    public int publisherCount() {
        return datums.values().stream().mapToInt(Datum::publisherCount).sum();
    }

    /** Publishers of the datums {@code scope} selects (e.g. those of the slots this server leads). */
    public int publisherCount(Predicate<String> scope) {
        int count = 0;
        for (Map.Entry<String, Datum> entry : datums.entrySet()) {
            if (scope.test(entry.getKey())) {
                count += entry.getValue().publisherCount();
            }
        }
        return count;
    }

    /**
     * The outcome of a change.
     *
     * @param datum   the datum afterwards
     * @param changed whether it changed, and so has a new version
     */
    public record Change(Datum datum, boolean changed) {
    }
}
