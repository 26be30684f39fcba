package io.weft.registry.meta.command;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import io.weft.registry.meta.state.MetaState;
import io.weft.registry.meta.state.NodeRecord;
import io.weft.registry.meta.state.PersistentDatum;
import io.weft.registry.meta.state.PersistentKey;
import io.weft.registry.meta.state.PushSwitch;
import io.weft.registry.meta.state.SlotTable;

/**
 * The JSON form of a {@link MetaState} in a Raft snapshot. Lists instead of maps, so that a persistent
 * datum's three-part key needs no key encoding. {@code format} lets a later version read an older file.
 */
public record StateDocument(
        int format,
        List<NodeRecord> dataNodes,
        List<NodeRecord> sessionNodes,
        PushSwitch pushSwitch,
        List<PersistentEntry> persistentData,
        SlotTable slotTable) {

    public static final int FORMAT = 1;

    /** One persistent datum with its key. */
    public record PersistentEntry(String dataId, String group, String instanceId, long version, String data) {
    }

    public static StateDocument of(MetaState state) {
        List<PersistentEntry> entries = new ArrayList<>();
        state.persistentData().forEach((k, v) ->
                entries.add(new PersistentEntry(k.dataId(), k.group(), k.instanceId(), v.version(), v.data())));
        return new StateDocument(FORMAT, List.copyOf(state.dataNodes().values()),
                List.copyOf(state.sessionNodes().values()), state.pushSwitch(), entries, state.slotTable());
    }

    public MetaState toState() {
        if (format != FORMAT) {
            throw new IllegalArgumentException("unknown meta snapshot format " + format);
        }
        SortedMap<String, NodeRecord> data = new TreeMap<>();
        dataNodes.forEach(n -> data.put(n.address(), n));
        SortedMap<String, NodeRecord> sessions = new TreeMap<>();
        sessionNodes.forEach(n -> sessions.put(n.address(), n));
        SortedMap<PersistentKey, PersistentDatum> persistent = new TreeMap<>();
        persistentData.forEach(e -> persistent.put(new PersistentKey(e.dataId(), e.group(), e.instanceId()),
                new PersistentDatum(e.version(), e.data())));
        return new MetaState(data, sessions, pushSwitch, persistent, slotTable);
    }
}
