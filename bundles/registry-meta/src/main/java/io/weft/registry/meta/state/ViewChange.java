package io.weft.registry.meta.state;

import java.util.ArrayList;
import java.util.List;

/**
 * What of the view the sessions and data servers run by ({@code ClusterView}) differs between two states: the
 * servers listed, the push switch, the persistent data, the slot table. A renewal changes none of them (only the
 * renewal time of a server already listed), so most commands change nothing here.
 */
public final class ViewChange {

    private ViewChange() {
    }

    /** @return what changed, e.g. {@code "persistent data, push switch"}, or null when nothing a view shows did */
    public static String between(MetaState before, MetaState after) {
        if (before == after) {
            return null;
        }
        List<String> changed = new ArrayList<>(4);
        if (!before.dataNodes().keySet().equals(after.dataNodes().keySet())) {
            changed.add("data servers");
        }
        if (!before.sessionNodes().keySet().equals(after.sessionNodes().keySet())) {
            changed.add("session servers");
        }
        if (before.pushSwitch() != after.pushSwitch()) {
            changed.add("push switch");
        }
        if (!before.persistentData().equals(after.persistentData())) {
            changed.add("persistent data");
        }
        if (before.slotTable().epoch() != after.slotTable().epoch()) {
            changed.add("slot table");
        }
        return changed.isEmpty() ? null : String.join(", ", changed);
    }
}
