package io.weft.registry.meta.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.weft.registry.meta.raft.MetaRaftNode;
import io.weft.registry.meta.state.MetaState;
import io.weft.registry.meta.state.PersistentDatum;
import io.weft.registry.meta.state.PersistentKey;
import io.weft.registry.meta.state.PushSwitch;
import io.weft.registry.meta.state.Slot;
import io.weft.registry.meta.state.SlotTable;
import io.weft.registry.protocol.ClusterView;
import io.weft.registry.protocol.PersistentEntry;
import io.weft.registry.protocol.ReplyMessages;
import io.weft.registry.protocol.SlotTableView;
import io.weft.registry.protocol.SlotView;

/**
 * Builds the {@link ClusterView} answers from the group's replicated state. Meta servers are named to callers by
 * the port the caller used (9610 or 9611) on each member's raft host: every member of a group serves the same
 * cluster ports, as every data server serves the same replication port. Thread-safe (reads immutable state).
 */
final class ClusterViews {

    private final MetaRaftNode raft;

    ClusterViews(MetaRaftNode raft) {
        this.raft = raft;
    }

    /**
     * The leader's answer.
     *
     * @param senderEpoch the slot table epoch the caller holds: the table is sent only when it is older
     */
    ClusterView view(int callerPort, long senderEpoch) {
        MetaState state = raft.state();
        ClusterView view = base(callerPort, true, null);
        view.setDataNodes(new ArrayList<>(state.dataNodes().keySet()));
        view.setSessionNodes(new ArrayList<>(state.sessionNodes().keySet()));
        view.setPushOpen(state.pushSwitch() == PushSwitch.OPEN);
        if (senderEpoch < state.slotTable().epoch()) {
            view.setSlotTable(slotTable(state.slotTable()));
        }
        view.setPersistentData(persistentData(state));
        return view;
    }

    /** A follower's answer to a heartbeat: go to the leader (when this member knows one). */
    ClusterView notLeader(int callerPort) {
        return base(callerPort, false, ReplyMessages.NOT_LEADER);
    }

    /** A refusal saying why, with the leader so the caller can go on. */
    ClusterView refused(int callerPort, String why) {
        return base(callerPort, false, why);
    }

    /** The answer to a {@code Ping}: who leads, and the members. */
    ClusterView ping(int callerPort) {
        return base(callerPort, true, null);
    }

    private ClusterView base(int callerPort, boolean success, String message) {
        ClusterView view = new ClusterView();
        view.setSuccess(success);
        view.setMessage(message);
        Optional<String> leader = raft.leader();
        view.setLeader(leader.map(address -> atPort(address, callerPort)).orElse(null));
        List<String> members = new ArrayList<>();
        for (String peer : raft.peers()) {
            members.add(atPort(peer, callerPort));
        }
        view.setMetaNodes(members);
        return view;
    }

    private static SlotTableView slotTable(SlotTable table) {
        List<SlotView> slots = new ArrayList<>(table.slots().size());
        for (Slot slot : table.slots()) {
            SlotView view = new SlotView();
            view.setId(slot.id());
            view.setLeader(slot.leader());
            view.setFollowers(new ArrayList<>(slot.followers()));
            slots.add(view);
        }
        SlotTableView view = new SlotTableView();
        view.setEpoch(table.epoch());
        view.setSlots(slots);
        return view;
    }

    private static List<PersistentEntry> persistentData(MetaState state) {
        List<PersistentEntry> entries = new ArrayList<>(state.persistentData().size());
        for (Map.Entry<PersistentKey, PersistentDatum> e : state.persistentData().entrySet()) {
            PersistentEntry entry = new PersistentEntry();
            entry.setDataId(e.getKey().dataId());
            entry.setGroup(e.getKey().group());
            entry.setInstanceId(e.getKey().instanceId());
            entry.setVersion(e.getValue().version());
            entry.setData(e.getValue().data());
            entries.add(entry);
        }
        return entries;
    }

    /** {@code host:raftPort} → {@code host:port}. */
    static String atPort(String raftAddress, int port) {
        int colon = raftAddress.lastIndexOf(':');
        String host = colon < 0 ? raftAddress : raftAddress.substring(0, colon);
        return host + ":" + port;
    }
}
