package io.weft.registry.data.store;

import io.weft.registry.protocol.PublisherEntry;
import io.weft.registry.protocol.Slots;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiFunction;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Every datum this data server holds (REG-29), by {@code dataInfoId}. Changes made here as slot leader get a new
 * version from the {@link VersionClock}; replicas from the leader keep theirs and only ever replace an older
 * version. A datum whose last publisher left is kept with its version, so the next publish still rises above it,
 * until {@link #forgetEmptySince(long)} drops it: by then the clock part of any new version is past it.
 *
 * <p>Thread-safe: each change is atomic per datum; the methods that touch many datums change them one by one.
 * Each change also moves the {@link PublisherTally} that answers lease renewals, inside the datum's atomic
 * change; the tally is built on the first renewal (and again if the slot count changes) under the write side of
 * {@code tallyLock}, whose read side every change holds, so no change is counted twice or missed.
 */
public final class DatumStore {

    private final ConcurrentHashMap<String, Datum> datums = new ConcurrentHashMap<>();
    private final VersionClock versions;
    private final ReadWriteLock tallyLock = new ReentrantReadWriteLock();
    /** Null until a renewal asks; replaced only under the write lock. */
    private volatile PublisherTally tally;
    /** Kept up by every change, for the health check and metrics (which used to walk every datum). */
    private final LongAdder publishers = new LongAdder();
    private final LongAdder datumsWithPublishers = new LongAdder();

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
        Datum after = change(dataInfoId, (id, held) -> {
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
        Datum after = change(dataInfoId, (id, held) -> {
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
            change(held.getKey(), (id, current) -> {
                if (current == null) {
                    return null;
                }
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
        change(dataInfoId, (id, held) -> {
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

    /**
     * The session processes with publishers in the slots {@code slots} selects, under a table of {@code slotCount}
     * slots: one look per process and slot in the tally. (A walk over every publisher held cost a quarter of a
     * busy data server's sampled Java time, most of it hashing each new publisher's process id.)
     *
     * @param slotCount the slot count of the table the slot ids belong to; 0 (no table yet) selects nothing
     */
    public Set<String> sessionProcesses(int slotCount, IntPredicate slots) {
        return slotCount < 1 ? Set.of() : tallyFor(slotCount).processes(slots);
    }

    /**
     * How many publishers of {@code sessionProcessId} the datums in the slots {@code slots} selects hold, under a
     * table of {@code slotCount} slots (a lease renewal, REG-34). Costs one look per slot; the first call, and
     * the first after the slot count changed, counts every datum once.
     *
     * @param slotCount the slot count of the table the slot ids belong to; 0 (no table yet) selects nothing
     */
    public int publisherCount(String sessionProcessId, int slotCount, IntPredicate slots) {
        return slotCount < 1 ? 0 : tallyFor(slotCount).count(sessionProcessId, slots);
    }

    /** As {@link #publisherCount(String, int, IntPredicate)}, every session process's publishers. */
    public int publisherCount(int slotCount, IntPredicate slots) {
        return slotCount < 1 ? 0 : tallyFor(slotCount).countAll(slots);
    }

    private PublisherTally tallyFor(int slotCount) {
        PublisherTally current = tally;
        if (current != null && current.slotCount() == slotCount) {
            return current;
        }
        Lock exclusive = tallyLock.writeLock();
        exclusive.lock();
        try {
            current = tally;
            if (current == null || current.slotCount() != slotCount) {
                current = new PublisherTally(slotCount);
                for (Datum datum : datums.values()) {
                    account(current, datum.dataInfoId(), null, datum);
                }
                tally = current;
            }
            return current;
        } finally {
            exclusive.unlock();
        }
    }

    /**
     * Every change of a datum goes through here: {@code remap} as in {@link ConcurrentHashMap#compute}, and the
     * publishers that came and went moved in the tally within the same atomic change.
     *
     * @return the datum afterwards, null if there is none
     */
    private Datum change(String dataInfoId, BiFunction<String, Datum, Datum> remap) {
        Lock shared = tallyLock.readLock();
        shared.lock();
        try {
            return datums.compute(dataInfoId, (id, held) -> {
                Datum next = remap.apply(id, held);
                if (next != held) {
                    int before = held == null ? 0 : held.publisherCount();
                    int after = next == null ? 0 : next.publisherCount();
                    publishers.add(after - before);
                    if ((before > 0) != (after > 0)) {
                        datumsWithPublishers.add(after > 0 ? 1 : -1);
                    }
                    PublisherTally current = tally;
                    if (current != null) {
                        account(current, id, held, next);
                    }
                }
                return next;
            });
        } finally {
            shared.unlock();
        }
    }

    /** Moves the tally from {@code before} to {@code after} (either may be null): publishers stored are never changed. */
    private static void account(PublisherTally tally, String dataInfoId, Datum before, Datum after) {
        Map<String, PublisherEntry> old = before == null ? Map.of() : before.publishers();
        Map<String, PublisherEntry> now = after == null ? Map.of() : after.publishers();
        int slot = -1;
        for (Map.Entry<String, PublisherEntry> entry : old.entrySet()) {
            if (now.get(entry.getKey()) != entry.getValue()) {
                slot = slot < 0 ? Slots.slotOf(dataInfoId, tally.slotCount()) : slot;
                tally.add(entry.getValue().getSessionProcessId(), slot, -1);
            }
        }
        for (Map.Entry<String, PublisherEntry> entry : now.entrySet()) {
            if (old.get(entry.getKey()) != entry.getValue()) {
                slot = slot < 0 ? Slots.slotOf(dataInfoId, tally.slotCount()) : slot;
                tally.add(entry.getValue().getSessionProcessId(), slot, 1);
            }
        }
    }

    /**
     * Forgets the datums {@code keep} does not select (slots this server no longer holds).
     *
     * @return how many were dropped
     */
    public int retainOnly(Predicate<String> keep) {
        int dropped = 0;
        for (String id : datums.keySet()) {
            if (!keep.test(id)) {
                boolean[] held = {false};
                change(id, (key, current) -> {
                    held[0] = current != null;
                    return null;
                });
                dropped += held[0] ? 1 : 0;
            }
        }
        return dropped;
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
        forgetProcessesWithoutPublishers();
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

    /** The tally keeps no count for a session process that has no publisher left (its lease ended, say). */
    private void forgetProcessesWithoutPublishers() {
        PublisherTally current = tally;
        if (current == null) {
            return;
        }
        Lock exclusive = tallyLock.writeLock();
        exclusive.lock();
        try {
            current.forgetProcessesWithoutPublishers();
        } finally {
            exclusive.unlock();
        }
    }

    /** Datums with at least one publisher. */
    public int datumCount() {
        return datumsWithPublishers.intValue();
    }

    public int publisherCount() {
        return publishers.intValue();
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
