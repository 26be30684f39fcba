package io.weft.registry.data.store;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntPredicate;

/**
 * How many publishers each session process has in each slot, for one slot count. A lease renewal asks how many of
 * a session's publishers this server holds in the slots it leads (REG-34); counting them datum by datum cost a walk
 * over every datum held, per session, every renewal (1 000 000 datums: 0.3–0.7 s a walk). With the tally the answer
 * costs one look per slot.
 *
 * <p>Thread-safe for {@link #add} and {@link #count} from any thread; {@link DatumStore} keeps it in step with
 * the datums (see there for how a tally is built while datums change).
 */
final class PublisherTally {

    private final int slotCount;
    private final Map<String, AtomicIntegerArray> bySlot = new ConcurrentHashMap<>();
    /** Every process's publishers per slot. */
    private final AtomicIntegerArray all;

    PublisherTally(int slotCount) {
        if (slotCount < 1) {
            throw new IllegalArgumentException("slotCount must be at least 1, was " + slotCount);
        }
        this.slotCount = slotCount;
        this.all = new AtomicIntegerArray(slotCount);
    }

    int slotCount() {
        return slotCount;
    }

    /** A publisher of {@code sessionProcessId} came into ({@code delta} 1) or left (-1) slot {@code slot}. */
    void add(String sessionProcessId, int slot, int delta) {
        all.addAndGet(slot, delta);
        if (sessionProcessId == null) {
            return; // no renewal can ask for it
        }
        bySlot.computeIfAbsent(sessionProcessId, process -> new AtomicIntegerArray(slotCount)).addAndGet(slot, delta);
    }

    /** The publishers of {@code sessionProcessId} in the slots {@code slots} selects. */
    int count(String sessionProcessId, IntPredicate slots) {
        AtomicIntegerArray counts = bySlot.get(sessionProcessId);
        return counts == null ? 0 : sum(counts, slots);
    }

    /** The processes with a publisher in the slots {@code slots} selects. */
    Set<String> processes(IntPredicate slots) {
        Set<String> processes = new HashSet<>();
        bySlot.forEach((process, counts) -> {
            if (sum(counts, slots) > 0) {
                processes.add(process);
            }
        });
        return processes;
    }

    /** Every process's publishers in the slots {@code slots} selects. */
    int countAll(IntPredicate slots) {
        return sum(all, slots);
    }

    private int sum(AtomicIntegerArray counts, IntPredicate slots) {
        int total = 0;
        for (int slot = 0; slot < slotCount; slot++) {
            int inSlot = counts.get(slot);
            if (inSlot != 0 && slots.test(slot)) {
                total += inSlot;
            }
        }
        return total;
    }

    /** Forgets the session processes without a publisher; the caller keeps every {@link #add} out meanwhile. */
    void forgetProcessesWithoutPublishers() {
        bySlot.values().removeIf(PublisherTally::allZero);
    }

    private static boolean allZero(AtomicIntegerArray counts) {
        for (int slot = 0; slot < counts.length(); slot++) {
            if (counts.get(slot) != 0) {
                return false;
            }
        }
        return true;
    }
}
