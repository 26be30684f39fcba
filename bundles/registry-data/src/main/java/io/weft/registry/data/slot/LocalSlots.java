package io.weft.registry.data.slot;

import io.weft.registry.protocol.SlotTableView;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This data server's place in the slot table: the table in force (a higher epoch replaces a lower one) and the
 * questions asked of it with this server's own address. Until the first table arrives this server leads and holds
 * nothing.
 *
 * <p>Thread-safe: the table is replaced atomically; readers see one table or the next, never a mix.
 */
public final class LocalSlots {

    private static final Logger LOG = LoggerFactory.getLogger("registry.data");

    private volatile String self;
    private volatile SlotTable table;

    /**
     * Sets this server's address in the slot table, {@code host:port} of its session port, once that port is
     * bound (it may have been 0). Before, this server leads and holds nothing.
     */
    public void locatedAt(String address) {
        self = address;
    }

    /** This server's address, null before {@link #locatedAt}. */
    public String self() {
        return self;
    }

    /**
     * Takes {@code view} if its epoch is higher than the one in force.
     *
     * @return the change, or empty when the view was older, equal or malformed (malformed is logged)
     */
    public synchronized Optional<SlotTableChange> offer(SlotTableView view) {
        SlotTable previous = table;
        if (view == null || (previous != null && view.getEpoch() <= previous.epoch())) {
            return Optional.empty();
        }
        SlotTable next;
        try {
            next = SlotTable.of(view);
        } catch (IllegalArgumentException e) {
            LOG.error("[data] slot table refused: {}", e.getMessage());
            return Optional.empty();
        }
        table = next;
        return Optional.of(new SlotTableChange(previous, next));
    }

    /** The table in force, if any. */
    public Optional<SlotTable> table() {
        return Optional.ofNullable(table);
    }

    /** The epoch of the table in force, 0 before the first. */
    public long epoch() {
        SlotTable t = table;
        return t == null ? 0 : t.epoch();
    }

    /** The slot of {@code dataInfoId} and who leads it, under the table in force. */
    public Optional<Placement> placementOf(String dataInfoId) {
        SlotTable t = table;
        if (t == null) {
            return Optional.empty();
        }
        int slot = t.slotOf(dataInfoId);
        return Optional.of(new Placement(t, slot, t.slot(slot).leader(), t.leads(self, slot)));
    }

    /** Whether this server leads the slot of {@code dataInfoId}. */
    public boolean leads(String dataInfoId) {
        SlotTable t = table;
        return t != null && t.leads(self, t.slotOf(dataInfoId));
    }

    /** Whether this server leads or follows the slot of {@code dataInfoId}. */
    public boolean holds(String dataInfoId) {
        SlotTable t = table;
        return t != null && t.holds(self, t.slotOf(dataInfoId));
    }

    /** The slots this server leads under the table in force when asked; none before the first table. */
    public Led led() {
        SlotTable t = table;
        String address = self;
        return t == null ? Led.NONE : new Led(t.slotCount(), slot -> t.leads(address, slot));
    }

    /**
     * Slots this server leads under one table.
     *
     * @param slotCount the table's slot count, 0 for no table
     * @param slots     selects the slot ids led, of {@code 0 .. slotCount - 1}
     */
    public record Led(int slotCount, IntPredicate slots) {
        static final Led NONE = new Led(0, slot -> false);
    }

    /**
     * Where a datum lives under one table.
     *
     * @param table       the table the answer comes from
     * @param slotId      the datum's slot
     * @param leader      the slot's leader, null when none
     * @param leadsLocally whether this server is that leader
     */
    public record Placement(SlotTable table, int slotId, String leader, boolean leadsLocally) {
    }
}
