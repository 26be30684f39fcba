package io.weft.registry.meta.state;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One immutable view of everything the meta group replicates. Readers on any thread hold it as long as
 * they like; a change makes a new instance (copy-on-write: the lists are small, hundreds of servers).
 *
 * @param dataNodes      registered data servers by address
 * @param sessionNodes   registered session servers by address
 * @param pushSwitch     whether session servers push (REG-61)
 * @param persistentData operators' persistent data (REG-66, RCP-20)
 * @param slotTable      the data servers' slot assignment, rebuilt when {@code dataNodes} changes
 */
public record MetaState(
        SortedMap<String, NodeRecord> dataNodes,
        SortedMap<String, NodeRecord> sessionNodes,
        PushSwitch pushSwitch,
        SortedMap<PersistentKey, PersistentDatum> persistentData,
        SlotTable slotTable) {

    public MetaState {
        dataNodes = frozen(dataNodes);
        sessionNodes = frozen(sessionNodes);
        persistentData = frozen(persistentData);
        Objects.requireNonNull(pushSwitch, "pushSwitch");
        Objects.requireNonNull(slotTable, "slotTable");
    }

    /** A new group's state: no servers, push open (REG-61), no persistent data. */
    public static MetaState initial(SlotAssigner assigner) {
        return new MetaState(new TreeMap<>(), new TreeMap<>(), PushSwitch.OPEN, new TreeMap<>(), assigner.empty());
    }

    public SortedMap<String, NodeRecord> nodes(NodeRole role) {
        return role == NodeRole.DATA ? dataNodes : sessionNodes;
    }

    MetaState withNodes(NodeRole role, SortedMap<String, NodeRecord> nodes, SlotTable table) {
        return role == NodeRole.DATA
                ? new MetaState(nodes, sessionNodes, pushSwitch, persistentData, table)
                : new MetaState(dataNodes, nodes, pushSwitch, persistentData, table);
    }

    MetaState withPushSwitch(PushSwitch value) {
        return new MetaState(dataNodes, sessionNodes, value, persistentData, slotTable);
    }

    MetaState withPersistentData(SortedMap<PersistentKey, PersistentDatum> value) {
        return new MetaState(dataNodes, sessionNodes, pushSwitch, value, slotTable);
    }

    private static <K, V> SortedMap<K, V> frozen(Map<K, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
