package io.weft.registry.meta.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The replicated model's single writer. The Raft state machine calls the mutators in log order on its own
 * thread; any thread reads {@link #state()}, which is an immutable snapshot published through a volatile
 * field. Every mutator is deterministic: it reads only its arguments and the current state (times come in
 * the commands), so all replicas end in the same state.
 */
public final class MetaModel {

    private final SlotAssigner assigner;
    private volatile MetaState state;

    public MetaModel(SlotAssigner assigner) {
        this.assigner = Objects.requireNonNull(assigner, "assigner");
        this.state = MetaState.initial(assigner);
    }

    public MetaState state() {
        return state;
    }

    /** Replaces everything, as a snapshot load does. */
    public void restore(MetaState loaded) {
        state = Objects.requireNonNull(loaded, "loaded");
    }

    /**
     * Adds a server or refreshes it. A renewal from a server that was evicted registers it again, so a
     * server that was only slow comes back by itself.
     */
    public CommandResult register(NodeRole role, String address, String dataCenter, long nowMillis) {
        MetaState current = state;
        boolean known = current.nodes(role).containsKey(address);
        SortedMap<String, NodeRecord> nodes = new TreeMap<>(current.nodes(role));
        nodes.put(address, new NodeRecord(address, dataCenter, nowMillis));
        state = current.withNodes(role, nodes, slotTableFor(role, current, nodes));
        return CommandResult.ok(known ? role + " node " + address + " renewed"
                : role + " node " + address + " registered in " + dataCenter);
    }

    /**
     * Removes those of {@code addresses} whose last renewal is older than {@code cutoffMillis}. A server
     * that renewed after the leader decided to evict it is kept: the check runs again here, in log order.
     */
    public CommandResult evict(NodeRole role, Collection<String> addresses, long cutoffMillis) {
        MetaState current = state;
        SortedMap<String, NodeRecord> nodes = new TreeMap<>(current.nodes(role));
        List<String> evicted = new ArrayList<>();
        for (String address : addresses) {
            NodeRecord node = nodes.get(address);
            if (node != null && node.lastRenewalMillis() < cutoffMillis) {
                nodes.remove(address);
                evicted.add(address);
            }
        }
        if (evicted.isEmpty()) {
            return CommandResult.ok("no " + role + " node evicted");
        }
        state = current.withNodes(role, nodes, slotTableFor(role, current, nodes));
        return CommandResult.ok(role + " nodes evicted: " + evicted);
    }

    /** REG-62: the seed's log wording, so an operator's grep finds it. */
    public CommandResult setPushSwitch(PushSwitch value) {
        state = state.withPushSwitch(Objects.requireNonNull(value, "value"));
        return CommandResult.ok("stop push data switch to DB result: true, push " + value);
    }

    /** RCP-20: a version not higher than the stored one is refused, so a late retry cannot undo a newer write. */
    public CommandResult putPersistentData(PersistentKey key, PersistentDatum datum) {
        MetaState current = state;
        PersistentDatum stored = current.persistentData().get(key);
        if (stored != null && datum.version() <= stored.version()) {
            return CommandResult.refused("persistent data " + key + " refused: version " + datum.version()
                    + " is not higher than the stored version " + stored.version());
        }
        SortedMap<PersistentKey, PersistentDatum> data = new TreeMap<>(current.persistentData());
        data.put(key, datum);
        state = current.withPersistentData(data);
        return CommandResult.ok("persistent data " + key + " stored at version " + datum.version());
    }

    public CommandResult removePersistentData(PersistentKey key) {
        MetaState current = state;
        if (!current.persistentData().containsKey(key)) {
            return CommandResult.refused("persistent data " + key + " not found");
        }
        SortedMap<PersistentKey, PersistentDatum> data = new TreeMap<>(current.persistentData());
        data.remove(key);
        state = current.withPersistentData(data);
        return CommandResult.ok("persistent data " + key + " removed");
    }

    private SlotTable slotTableFor(NodeRole role, MetaState current, SortedMap<String, NodeRecord> nodes) {
        if (role != NodeRole.DATA || nodes.keySet().equals(current.dataNodes().keySet())) {
            return current.slotTable();
        }
        return assigner.assign(current.slotTable(), nodes.keySet());
    }
}
