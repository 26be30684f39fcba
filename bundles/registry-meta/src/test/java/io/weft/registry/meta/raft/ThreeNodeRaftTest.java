package io.weft.registry.meta.raft;

import static io.weft.registry.meta.raft.TestSupport.await;
import static io.weft.registry.meta.raft.TestSupport.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import io.weft.codec.bolt.guard.ConnectionRefusal;
import io.weft.codec.bolt.guard.FrameRefusal;
import io.weft.codec.bolt.guard.LogThrottle;
import io.weft.registry.meta.cluster.GuardedPort;
import io.weft.registry.meta.cluster.PortRefusals;
import io.weft.registry.meta.command.PutPersistentData;
import io.weft.registry.meta.command.SetPushSwitch;
import io.weft.registry.meta.state.PersistentDatum;
import io.weft.registry.meta.state.PersistentKey;
import io.weft.registry.meta.state.PushSwitch;

class ThreeNodeRaftTest {

    private static final PersistentKey KEY = new PersistentKey("s@DEFAULT", "SOFA.CONFIG", "DEFAULT_INSTANCE_ID");

    @TempDir
    Path dir;

    private final List<MetaRaftNode> nodes = new ArrayList<>();
    /** What the guards of the members' raft ports refused, all members together. */
    private final PortRefusals refusals = new PortRefusals();

    @AfterEach
    void closeAll() {
        nodes.forEach(MetaRaftNode::close);
    }

    private void startGroup() {
        List<Integer> ports = TestSupport.freePorts(3);
        List<String> peers = ports.stream().map(p -> "127.0.0.1:" + p).toList();
        for (int port : ports) {
            MetaRaftNode node = new MetaRaftNode(new MetaRaftOptions().port(port).initialPeers(peers)
                    .dataDir(dir.resolve("meta-" + port)).electionTimeoutMs(1000).evictIntervalMillis(0)
                    .refusals(refusals.listener(GuardedPort.RAFT, new LogThrottle(
                            LoggerFactory.getLogger("registry.raft"), 10_000, System::currentTimeMillis))));
            nodes.add(node);
        }
        nodes.forEach(MetaRaftNode::start);
    }

    private MetaRaftNode awaitLeader(List<MetaRaftNode> members) {
        await("one leader", () -> members.stream().filter(MetaRaftNode::isLeader).count() == 1);
        return members.stream().filter(MetaRaftNode::isLeader).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("REG-40, REG-62, RCP-20: three meta servers elect one leader and replicate the push switch and persistent data to all")
    void replicates() throws Exception {
        startGroup();
        MetaRaftNode leader = awaitLeader(nodes);
        await("followers know the leader", () -> nodes.stream()
                .allMatch(n -> n.leader().orElse("").equals(leader.self())));
        assertEquals(2, nodes.stream().filter(n -> n.role() == RaftRole.FOLLOWER).count());

        get(leader.apply(new SetPushSwitch(PushSwitch.CLOSED)));
        get(leader.apply(new PutPersistentData(KEY.dataId(), KEY.group(), KEY.instanceId(), 1, "override://x")));
        for (MetaRaftNode n : nodes) {
            await(n.self() + " has the writes", () -> n.state().pushSwitch() == PushSwitch.CLOSED
                    && n.state().persistentData().containsKey(KEY));
        }

        MetaRaftNode follower = nodes.stream().filter(n -> !n.isLeader()).findFirst().orElseThrow();
        NotLeaderException e = assertThrows(NotLeaderException.class,
                () -> get(follower.apply(new SetPushSwitch(PushSwitch.OPEN))));
        assertEquals("not leader, leader is " + leader.self(), e.getMessage());
        assertEquals(3, follower.peers().size());
    }

    @Test
    @DisplayName("REG-40 / bad input: with the guard on every raft port, three members elect a leader and replicate"
            + " through it, a 1 MiB persistent datum included, and it refuses none of JRaft's frames")
    void replicatesThroughTheGuard() throws Exception {
        startGroup();
        MetaRaftNode leader = awaitLeader(nodes);
        String large = "override://" + "x".repeat(1024 * 1024);
        get(leader.apply(new SetPushSwitch(PushSwitch.CLOSED)));
        get(leader.apply(new PutPersistentData(KEY.dataId(), KEY.group(), KEY.instanceId(), 1, large)));
        for (MetaRaftNode n : nodes) {
            await(n.self() + " has the writes", () -> n.state().pushSwitch() == PushSwitch.CLOSED
                    && n.state().persistentData().containsKey(KEY));
            assertEquals(large, n.state().persistentData().get(KEY).data());
        }
        for (MetaRaftNode n : nodes) {
            if (n != leader) {
                assertTrue(n.raftPortConnections() >= 1, n.self() + ": the leader's connection passed its guard");
            }
        }
        for (FrameRefusal reason : FrameRefusal.values()) {
            assertEquals(0, refusals.frames(GuardedPort.RAFT, reason), reason + " frames refused");
        }
        for (ConnectionRefusal reason : ConnectionRefusal.values()) {
            assertEquals(0, refusals.connections(GuardedPort.RAFT, reason), reason + " connections refused");
        }
    }

    @Test
    @DisplayName("REG-46, REG-45: after the leader stops a new leader keeps the state, and changePeer shrinks the group to two")
    void failoverAndChangePeers() throws Exception {
        startGroup();
        MetaRaftNode first = awaitLeader(nodes);
        get(first.apply(new PutPersistentData(KEY.dataId(), KEY.group(), KEY.instanceId(), 1, "override://x")));
        for (MetaRaftNode n : nodes) {
            await(n.self() + " has the datum", () -> n.state().persistentData().containsKey(KEY));
        }

        first.close();
        List<MetaRaftNode> rest = nodes.stream().filter(n -> n != first).toList();
        MetaRaftNode second = awaitLeader(rest);
        assertEquals(new PersistentDatum(1, "override://x"), second.state().persistentData().get(KEY));
        get(second.apply(new SetPushSwitch(PushSwitch.CLOSED)));

        List<String> two = rest.stream().map(MetaRaftNode::self).toList();
        get(second.changePeers(two));
        assertEquals(two.stream().sorted().toList(), second.peers().stream().sorted().toList());
        MetaRaftNode other = rest.stream().filter(n -> n != second).findFirst().orElseThrow();
        await("the follower applied the new membership", () -> other.peers().size() == 2);

        get(second.apply(new PutPersistentData(KEY.dataId(), KEY.group(), KEY.instanceId(), 2, "override://y")));
        await("the other member has the write", () -> other.state().persistentData().get(KEY).version() == 2
                && other.state().pushSwitch() == PushSwitch.CLOSED);
        assertTrue(second.isLeader());
    }
}
