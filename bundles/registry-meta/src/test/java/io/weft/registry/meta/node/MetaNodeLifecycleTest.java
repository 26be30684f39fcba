package io.weft.registry.meta.node;

import io.weft.codec.bolt.BoltHessianSlot;
import static io.weft.registry.meta.node.ConfigStub.config;
import static io.weft.registry.meta.raft.TestSupport.await;
import static io.weft.registry.meta.raft.TestSupport.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.weft.api.health.Health;
import io.weft.codec.bolt.guard.FrameRefusal;
import io.weft.registry.meta.cluster.GuardedPort;
import io.weft.registry.meta.cluster.PortRefusals;
import io.weft.registry.meta.command.SetPushSwitch;
import io.weft.registry.meta.http.Readiness;
import io.weft.registry.meta.monitor.MetricsLog;
import io.weft.registry.meta.raft.MetaRaftNode;
import io.weft.registry.meta.raft.RaftRole;
import io.weft.registry.meta.raft.TestSupport;
import io.weft.registry.meta.state.PushSwitch;

/**
 * The member as {@link MetaServerComponent} runs it, started and stopped with the same calls, without OSGi.
 */
class MetaNodeLifecycleTest {

    /** Every thread this bundle's own code starts is named so. */
    private static final String OWN_THREADS = "weft-meta-";
    private static final Path PROC_FDS = Path.of("/proc/self/fd");

    /** Bolt's Hessian codec byte, owned as the codec bundle owns it in a node. */
    private static final BoltHessianSlot HESSIAN = BoltHessianSlot.open();

    @TempDir
    Path home;

    /** The configuration with the cluster ports (9610/9611 in a node) on free ports. */
    private static MetaServerConfig freeClusterPorts(Map<String, Object> values) {
        Map<String, Object> all = new java.util.HashMap<>(values);
        List<Integer> ports = TestSupport.freePorts(2);
        all.put("sessionPort", ports.get(0));
        all.put("dataPort", ports.get(1));
        return config(all);
    }

    private MetaNodeSettings settings(int port) {
        return MetaNodeSettings.of(freeClusterPorts(Map.of("raftPort", port)), home);
    }

    @Test
    @DisplayName("REG-40 / bad input: the member's raft port (9612) is guarded with the configured limits;"
            + " garbage on it closes the connection, counts as port raft, and the member keeps committing")
    void raftPortGuarded() throws Exception {
        int port = TestSupport.freePorts(1).get(0);
        PortRefusals refusals = new PortRefusals();
        MetaNode node = new MetaNode(HESSIAN, settings(port), refusals);
        try {
            assertTrue(node.start(), () -> node.failure().orElse(""));
            await("leader", node.raft()::isLeader);
            try (Socket garbage = new Socket("127.0.0.1", port)) {
                garbage.setSoTimeout(30_000);
                garbage.getOutputStream().write(new byte[] {(byte) 0xff, 0, 0, 0});
                InputStream in = garbage.getInputStream();
                while (in.read() != -1) {
                    // the server's bytes, if any, until it closes
                }
            }
            await("counted as the raft port's", () -> refusals.frames(GuardedPort.RAFT, FrameRefusal.MALFORMED) == 1);
            assertEquals(0, refusals.frames(GuardedPort.SESSION, FrameRefusal.MALFORMED));
            assertEquals(0, refusals.frames(GuardedPort.DATA, FrameRefusal.MALFORMED));
            assertTrue(get(node.raft().apply(new SetPushSwitch(PushSwitch.CLOSED))).success());
        } finally {
            node.close();
        }
    }

    @Test
    @DisplayName("REG-7, REG-46: a stopped member leaves no port, thread or open file of its own, and starts again on the same port and data")
    void stopReleasesEverything() throws Exception {
        int port = TestSupport.freePorts(1).get(0);
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        Path dataDir = settings(port).dataDir();
        assertEquals(home.resolve("data/registry/meta").toAbsolutePath().normalize(), dataDir);

        MetaNode first = new MetaNode(HESSIAN, settings(port));
        try {
            assertTrue(first.start(), () -> first.failure().orElse(""));
            await("leader", first.raft()::isLeader);
            assertEquals(List.of(MetaRaftNode.EVICTOR_THREAD_PREFIX + port, MetricsLog.THREAD_NAME),
                    ownThreads(), "the eviction timer and the metrics log run while the member does");
            assertTrue(get(first.raft().apply(new SetPushSwitch(PushSwitch.CLOSED))).success());
        } finally {
            first.close();
        }
        assertReleased(port, dataDir);

        MetaNode second = new MetaNode(HESSIAN, settings(port));
        try {
            assertTrue(second.start(), () -> second.failure().orElse(""));
            await("leader after restart", second.raft()::isLeader);
            await("state replayed from the data directory",
                    () -> second.raft().state().pushSwitch() == PushSwitch.CLOSED);
        } finally {
            second.close();
        }
        assertReleased(port, dataDir);

        // JRaft and Bolt keep static executors that no API stops (decision record 0015): they may stay, as
        // daemons, and are listed here for the record. None may keep the JVM from exiting. Bolt's boss threads
        // (non-daemon) end on their own within Netty's two-second quiet period after the port is closed
        // (BoltServerStop): they must be gone once that is over.
        await("Bolt's boss threads ended", () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> !before.contains(t) && t.isAlive() && !t.isDaemon()));
        List<Thread> left = new ArrayList<>(Thread.getAllStackTraces().keySet());
        left.removeAll(before);
        left.removeIf(t -> !t.isAlive());
        left.sort(Comparator.comparing(Thread::getName));
        left.forEach(t -> System.out.println("[library thread left] " + t.getName() + (t.isDaemon() ? " (daemon)" : "")));
        assertEquals(List.of(), left.stream().filter(t -> !t.isDaemon()).map(Thread::getName).toList(),
                "non-daemon threads left after stop");
    }

    @Test
    @DisplayName("REG-40, OPS-3: a member whose raft port is taken does not run, says why (health and readiness), and holds"
            + " nothing: the data directory starts a member right after, ready as leader")
    void portInUse() throws Exception {
        int port = TestSupport.freePorts(1).get(0);
        MetaNode blocked = new MetaNode(HESSIAN, settings(port));
        try (ServerSocket taken = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertFalse(blocked.start());
            assertTrue(blocked.failure().orElseThrow().contains("raft port 127.0.0.1:" + port + " cannot listen"),
                    blocked.failure().orElseThrow());
            assertEquals(false, blocked.clusterPortsListening().get("otherMetaRegisterServerStart"));
            assertEquals(RaftRole.INACTIVE, blocked.raft().role());
            Health health = new MetaHealth(blocked).check();
            assertEquals(Health.Status.DOWN, health.status());
            assertTrue(health.detail().startsWith("not running: the raft port"), health.detail());
            Readiness readiness = new MetaHealth(blocked).readiness();
            assertFalse(readiness.ready());
            assertEquals(health.detail(), readiness.reason(), "/health/readiness says what /health says");
        } finally {
            blocked.close();
        }
        assertEquals(List.of(), ownThreads());

        MetaNode next = new MetaNode(HESSIAN, settings(port));
        try {
            assertTrue(next.start(), () -> next.failure().orElse(""));
            await("leader", next.raft()::isLeader);
            assertEquals(List.of("sessionRegisterServer", "dataRegisterServerStart", "otherMetaRegisterServerStart"),
                    List.copyOf(next.clusterPortsListening().keySet()), "the seed's order (OPS-5)");
            assertTrue(next.clusterPortsListening().values().stream().allMatch(Boolean::booleanValue),
                    next.clusterPortsListening().toString());
            Health health = new MetaHealth(next).check();
            assertEquals(Health.Status.UP, health.status());
            assertEquals("raftStatus:Leader, leader:127.0.0.1:" + port + ", peers:[127.0.0.1:" + port + "]",
                    health.detail());
            assertEquals(Readiness.ready("Leader", "127.0.0.1:" + port), new MetaHealth(next).readiness());
        } finally {
            next.close();
        }
    }

    @Test
    @DisplayName("REG-47: a second member on a data directory in use does not run, says why, and frees its raft port")
    void dataDirectoryInUse() throws Exception {
        List<Integer> ports = TestSupport.freePorts(2);
        Path shared = home.resolve("shared");
        MetaNode owner = new MetaNode(HESSIAN, MetaNodeSettings.of(freeClusterPorts(Map.of("raftPort", ports.get(0),
                "dataDir", shared.toString())), home));
        MetaNode intruder = new MetaNode(HESSIAN, MetaNodeSettings.of(freeClusterPorts(Map.of("raftPort", ports.get(1),
                "dataDir", shared.toString())), home));
        try {
            assertTrue(owner.start(), () -> owner.failure().orElse(""));
            assertFalse(intruder.start());
            assertTrue(intruder.failure().orElseThrow().startsWith("the data directory " + owner.settings().dataDir()
                    + " is in use by another meta server"), intruder.failure().orElseThrow());
            assertPortFree(ports.get(1));
            await("the owner still leads", owner.raft()::isLeader);
        } finally {
            intruder.close();
            owner.close();
        }
    }

    private static void assertReleased(int port, Path dataDir) throws IOException {
        assertPortFree(port);
        assertEquals(List.of(), ownThreads(), "threads of this bundle left after stop");
        assertEquals(List.of(), openFilesUnder(dataDir), "files of the data directory still open after stop");
    }

    private static void assertPortFree(int port) throws IOException {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, probe.getLocalPort());
        }
    }

    private static List<String> ownThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith(OWN_THREADS))
                .sorted()
                .toList();
    }

    /** This process's open files below {@code dir}; on systems without {@code /proc} none can be seen. */
    private static List<Path> openFilesUnder(Path dir) throws IOException {
        if (!Files.isDirectory(PROC_FDS)) {
            return List.of();
        }
        List<Path> open = new ArrayList<>();
        try (Stream<Path> fds = Files.list(PROC_FDS)) {
            for (Path fd : fds.toList()) {
                try {
                    Path target = Files.readSymbolicLink(fd);
                    if (target.startsWith(dir)) {
                        open.add(target);
                    }
                } catch (IOException closedMeanwhile) {
                    // The descriptor was closed while listing (the listing's own, for one).
                }
            }
        }
        return open;
    }
}
