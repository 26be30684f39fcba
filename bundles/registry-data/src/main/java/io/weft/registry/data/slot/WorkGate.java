package io.weft.registry.data.slot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this data server works (REG-31): once it is in the slot table and has synced the slots it leads or
 * follows. Before that it refuses sessions' requests with {@code "not working"}. It stays working afterwards: a
 * later table's new slots are synced while it serves (a promoted follower serves at once from its replica).
 * Thread-safe.
 */
public final class WorkGate {

    private static final Logger LOG = LoggerFactory.getLogger("registry.data");

    private volatile boolean working;

    public boolean working() {
        return working;
    }

    /** Logs {@code to WORK} in registry-data.log the first time (REG-31). */
    public synchronized void open(String self, SlotTable table) {
        if (working) {
            return;
        }
        working = true;
        LOG.info("[data] {} to WORK: slot table epoch {}, leading {} and following {} of {} slots", self,
                table.epoch(), table.leaderCount(self), table.followerCount(self), table.slotCount());
    }
}
