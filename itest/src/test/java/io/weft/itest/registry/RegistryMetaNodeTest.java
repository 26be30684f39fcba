package io.weft.itest.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import jdk.jfr.consumer.RecordingFile;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.itest.support.Http;
import io.weft.itest.support.Jcmd;
import io.weft.itest.support.WeftNode;

/**
 * The MetaServer of a real standalone node (a one-member SOFAJRaft group), driven as the ops guide drives it
 * with curl on 9615, and restarted by {@code bin/weft}: what the group committed is there again.
 */
class RegistryMetaNodeTest {

    private static final Duration AWAIT = Duration.ofSeconds(60);
    private static final String OVERRIDE = "{\"dataId\":\"com.example.EchoService:1.0@DEFAULT\",\"group\":\"SOFA.CONFIG\","
            + "\"instanceId\":\"default\",\"version\":\"1700000000001\","
            + "\"data\":\"override://127.0.0.1:12200?disabled=true\"}";

    @Test
    @DisplayName("REG-42, REG-44, REG-62, REG-66, REG-80, OPS-3: the standalone meta leads its group (ready on its"
            + " readiness port), closes and opens push, stores a persistent datum, and after bin/weft stop (readiness"
            + " port closed) and start still has the closed switch and the datum; a SIGUSR2 (JRaft's dump signal) writes"
            + " no dump files and the node keeps leading")
    void metaOpsSurviveRestart() throws Exception {
        try (WeftNode node = WeftNode.create("registry-meta").start()) {
            Http meta = leadingMeta(node);
            assertReadyAsLeader(node);
            assertEquals("[\"127.0.0.1\"]", meta.get("/manage/queryPeer").body());

            assertTrue(meta.get("/stopPushDataSwitch/open").body().startsWith("{\"success\":true"));
            assertEquals("{\"stopPushDataSwitch\":true}", meta.get("/digest/pushSwitch").body());
            Http.Response put = meta.postJson("/persistentData/put", OVERRIDE);
            assertEquals(200, put.status(), put.body());
            assertTrue(put.body().startsWith("{\"success\":true"), put.body());

            WeftNode.Result stopped = node.weft("stop");
            assertEquals(0, stopped.exitStatus(), stopped.output());
            assertFalse(listening(node.registryPorts().metaReadiness()), "a stopped node leaves no readiness port open");
            node.start();
            assertReadyAsLeader(node);

            assertTrue(WeftNode.await(AWAIT, () -> meta.get("/health/check").body().contains("raftStatus:Leader")),
                    meta.get("/health/check").body());
            assertEquals("{\"stopPushDataSwitch\":true}", meta.get("/digest/pushSwitch").body(),
                    "the closed switch was committed before the stop");
            Http.Response again = meta.postJson("/persistentData/put", OVERRIDE);
            assertTrue(again.body().contains("is not higher than the stored version 1700000000001"),
                    "the datum was committed before the stop: " + again.body());

            String raftLog = node.log("registry/meta/registry-raft.log");
            assertTrue(!raftLog.isEmpty(), "registry-raft.log is written");
            assertTrue(meta.get("/stopPushDataSwitch/close").body().startsWith("{\"success\":true"));
            assertEquals("{\"stopPushDataSwitch\":false}", meta.get("/digest/pushSwitch").body());

            Process usr2 = new ProcessBuilder("kill", "-USR2", Long.toString(node.pid().orElseThrow())).start();
            assertEquals(0, usr2.waitFor(), "kill -USR2");
            Thread.sleep(1_000); // jraft-core's handlers wrote their files at once, in the node's working directory
            assertEquals(List.of(), jraftDumps(Path.of("").toAbsolutePath()), "JRaft dump files after SIGUSR2");
            assertTrue(meta.get("/health/check").body().contains("raftStatus:Leader"), "the node keeps leading");
        }
    }

    @Test
    @DisplayName("Profiling (docs/operations.md, Monitoring): a JFR method-profiling recording of a registry-meta node"
            + " started by bin/weft holds CPU samples; SOFAJRaft's SIGUSR2 handler used to take the signal the JVM"
            + " suspends threads with, and such a recording held none")
    void jfrProfileOfARaftNodeHoldsCpuSamples() throws Exception {
        try (WeftNode node = WeftNode.create("registry-meta").start()) {
            Http meta = leadingMeta(node);
            long pid = node.pid().orElseThrow();
            Path recording = node.home().resolve("profile.jfr");
            jcmd(pid, "JFR.start", "name=itest", "settings=profile");
            for (int i = 0; i < 500; i++) { // Java code running in the node for the sampler to see
                meta.get("/health/check");
                meta.get("/manage/queryPeer");
            }
            jcmd(pid, "JFR.stop", "name=itest", "filename=" + recording);
            long samples = 0;
            try (RecordingFile events = new RecordingFile(recording)) {
                while (events.hasMoreEvents()) {
                    if (events.readEvent().getEventType().getName().equals("jdk.ExecutionSample")) {
                        samples++;
                    }
                }
            }
            assertTrue(samples > 0, "no jdk.ExecutionSample in the node's recording " + recording);
            assertTrue(meta.get("/health/check").body().contains("raftStatus:Leader"), "the node keeps leading");
        }
    }

    /** The node's meta ops API (9615 in the ops guide, a free port here), once the meta leads its one-member group. */
    private static Http leadingMeta(WeftNode node) throws InterruptedException {
        Http meta = new Http("http://127.0.0.1:" + node.registryPorts().metaHttp(), "admin", WeftNode.ADMIN_PASSWORD);
        assertTrue(WeftNode.await(AWAIT, () -> meta.get("/health/check").body().contains("raftStatus:Leader")),
                meta.get("/health/check").body());
        return meta;
    }

    /** Runs the test JDK's {@code jcmd} against the node ({@link Jcmd}) and insists that it succeeded. */
    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        WeftNode.Result jcmd = Jcmd.run(pid, command);
        assertEquals(0, jcmd.exitStatus(), "jcmd " + String.join(" ", command) + ": " + jcmd.output());
    }

    /** jraft-core's SIGUSR2 dump files ({@code node_describe.log.<time>} and its siblings) in {@code folder}. */
    private static List<String> jraftDumps(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("node_describe.log") || n.startsWith("node_metrics.log")
                            || n.startsWith("thread_pool_metrics.log"))
                    .toList();
        }
    }

    /** {@code GET /health/readiness} on the meta's own port answers 200, this one-member group's leader named. */
    private static void assertReadyAsLeader(WeftNode node) throws Exception {
        Http readiness = new Http("http://127.0.0.1:" + node.registryPorts().metaReadiness(), "admin",
                WeftNode.ADMIN_PASSWORD);
        assertTrue(WeftNode.await(AWAIT, () -> readiness.get("/health/readiness").ok()),
                readiness.get("/health/readiness").toString());
        Http.Response ready = readiness.get("/health/readiness");
        assertEquals("{\"status\":\"UP\",\"raftStatus\":\"Leader\",\"leader\":\"127.0.0.1:"
                + node.registryPorts().metaRaft() + "\"}", ready.body());
        assertEquals(404, readiness.get("/health/check").status(), "the ops API stays on its own port");
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
