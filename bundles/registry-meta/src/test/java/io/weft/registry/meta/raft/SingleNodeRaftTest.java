package io.weft.registry.meta.raft;

import static io.weft.registry.meta.raft.TestSupport.await;
import static io.weft.registry.meta.raft.TestSupport.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import io.weft.registry.meta.command.PutPersistentData;
import io.weft.registry.meta.command.RegisterNode;
import io.weft.registry.meta.command.RenewNode;
import io.weft.registry.meta.command.SetPushSwitch;
import io.weft.registry.meta.state.CommandResult;
import io.weft.registry.meta.state.MetaState;
import io.weft.registry.meta.state.NodeRole;
import io.weft.registry.meta.state.PersistentKey;
import io.weft.registry.meta.state.PushSwitch;
import io.weft.testing.MutableClock;

class SingleNodeRaftTest {

    @TempDir
    Path dir;

    private MetaRaftOptions options(int port, MutableClock clock) {
        return new MetaRaftOptions().port(port).dataDir(dir).electionTimeoutMs(1000).evictIntervalMillis(0)
                .slotCount(16).nodeTimeoutMillis(10_000).clock(clock);
    }

    @Test
    @DisplayName("REG-7: a one-node meta group applies commands and recovers them after a restart (snapshot + log)")
    void survivesRestart() throws Exception {
        int port = TestSupport.freePorts(1).get(0);
        MutableClock clock = new MutableClock(1_000_000);
        MetaState before;
        try (MetaRaftNode node = new MetaRaftNode(options(port, clock))) {
            node.start();
            await("leader", node::isLeader);
            assertEquals(RaftRole.LEADER, node.role());
            assertEquals(List.of("127.0.0.1:" + port), node.peers());
            assertTrue(get(node.apply(new RegisterNode(NodeRole.DATA, "10.0.0.1", "dc1", clock.millis()))).success());
            assertTrue(get(node.apply(new SetPushSwitch(PushSwitch.CLOSED))).success());
            // Half before the snapshot, half only in the log.
            get(node.snapshot());
            assertTrue(get(node.apply(new PutPersistentData("s@DEFAULT", "SOFA.CONFIG", "DEFAULT_INSTANCE_ID", 3,
                    "override://1.2.3.4:12200?weight=5"))).success());
            CommandResult refused = get(node.apply(new PutPersistentData("s@DEFAULT", "SOFA.CONFIG",
                    "DEFAULT_INSTANCE_ID", 2, "override://old")));
            assertFalse(refused.success());
            assertTrue(refused.message().contains("version 2 is not higher than the stored version 3"), refused.message());
            get(node.apply(new RegisterNode(NodeRole.SESSION, "10.0.0.9", "dc1", clock.millis())));
            before = node.state();
        }

        try (MetaRaftNode node = new MetaRaftNode(options(port, clock))) {
            node.start();
            await("leader after restart", node::isLeader);
            await("log replayed", () -> node.state().sessionNodes().containsKey("10.0.0.9"));
            MetaState after = node.state();
            assertEquals(before, after);
            assertEquals(PushSwitch.CLOSED, after.pushSwitch());
            assertEquals(3, after.persistentData()
                    .get(new PersistentKey("s@DEFAULT", "SOFA.CONFIG", "DEFAULT_INSTANCE_ID")).version());
            assertEquals(16, after.slotTable().leaderCount("10.0.0.1"));
        }
    }

    @Test
    @DisplayName("REG-32: the leader evicts servers whose renewal is older than the timeout, through the log")
    void evictsExpiredNodes() throws Exception {
        int port = TestSupport.freePorts(1).get(0);
        MutableClock clock = new MutableClock(1_000_000);
        try (MetaRaftNode node = new MetaRaftNode(options(port, clock))) {
            node.start();
            await("leader", node::isLeader);
            get(node.apply(new RegisterNode(NodeRole.DATA, "a", "dc1", clock.millis())));
            get(node.apply(new RegisterNode(NodeRole.DATA, "b", "dc1", clock.millis())));
            get(node.apply(new RegisterNode(NodeRole.SESSION, "s", "dc1", clock.millis())));
            clock.advanceMillis(6_000);
            get(node.apply(new RenewNode(NodeRole.DATA, "b", "dc1", clock.millis())));
            assertTrue(get(node.evictExpired()).isEmpty(), "nothing is older than 10 s yet");
            clock.advanceMillis(6_000);
            List<CommandResult> results = get(node.evictExpired());
            assertEquals(2, results.size());
            assertEquals(List.of("b"), List.copyOf(node.state().dataNodes().keySet()));
            assertTrue(node.state().sessionNodes().isEmpty());
            assertEquals(16, node.state().slotTable().leaderCount("b"));
        }
    }

    @Test
    @DisplayName("REG-7 / ops: a meta restarted on another raft port with its data directory kept says at ERROR that it is"
            + " not in its stored group and how to recover; on its own port it says nothing of the kind")
    void memberMissingFromStoredGroupIsReported() throws Exception {
        List<Integer> ports = TestSupport.freePorts(2);
        MutableClock clock = new MutableClock(1_000_000);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger raftLogger = (Logger) LoggerFactory.getLogger("registry.raft");
        log.start();
        raftLogger.addAppender(log);
        try {
            try (MetaRaftNode node = new MetaRaftNode(options(ports.get(0), clock))) {
                node.start();
                await("leader", node::isLeader);
                get(node.apply(new SetPushSwitch(PushSwitch.CLOSED)));
            }
            try (MetaRaftNode node = new MetaRaftNode(options(ports.get(0), clock))) {
                node.start();
                await("leader on its own port", node::isLeader);
            }
            assertTrue(notAMemberLines(log).isEmpty(), "no such line for a member of its group");

            try (MetaRaftNode moved = new MetaRaftNode(options(ports.get(1), clock))) {
                moved.start();
                List<String> lines = notAMemberLines(log);
                assertEquals(1, lines.size(), String.valueOf(lines));
                String line = lines.get(0);
                assertTrue(line.contains("127.0.0.1:" + ports.get(1)) && line.contains("127.0.0.1:" + ports.get(0))
                        && line.contains("changePeer") && line.contains("empty dataDir"), line);
            }
        } finally {
            raftLogger.detachAppender(log);
        }
    }

    private static List<String> notAMemberLines(ListAppender<ILoggingEvent> log) {
        synchronized (log) {
            return log.list.stream().filter(e -> e.getLevel() == Level.ERROR)
                    .map(ILoggingEvent::getFormattedMessage)
                    .filter(m -> m.contains("is not in the group configuration it started with")).toList();
        }
    }
}
