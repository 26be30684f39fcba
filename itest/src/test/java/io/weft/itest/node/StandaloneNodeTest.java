package io.weft.itest.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.weft.itest.support.ConsoleBundles;
import io.weft.itest.support.Http;
import io.weft.itest.support.WeftNode;

/** The standalone distribution driven as an operator does: bin/weft, curl, conf/ files. */
class StandaloneNodeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @DisplayName("bin/weft start brings standalone up: every bundle Active, /metrics and /health answer; stop leaves no process")
    void startServeStop() throws Exception {
        try (WeftNode node = WeftNode.create("start-stop")) {
            WeftNode.Result started = node.weft("start");
            assertEquals(0, started.exitStatus(), started.output());
            long pid = node.pid().orElseThrow();
            assertTrue(node.awaitHealthy(), node.http().get("/health").body());

            List<ConsoleBundles.Entry> bundles = ConsoleBundles.list(node.http());
            assertTrue(bundles.size() > 25, "bundles: " + bundles);
            for (ConsoleBundles.Entry b : bundles) {
                assertTrue(b.state().equals("Active") || b.state().equals("Fragment"), b + " is not active");
            }

            Http.Response metrics = node.http().get("/metrics");
            assertEquals(200, metrics.status());
            for (String name : List.of("jvm_memory_bytes_used", "jvm_gc_collection_seconds_count",
                    "process_cpu_seconds_total", "weft_process_resident_memory_bytes", "weft_system_cpu_usage_percent",
                    "weft_system_memory_usage_percent", "weft_home_disk_usage_percent", "weft_system_load5",
                    "weft_process_open_fds")) {
                assertTrue(metrics.body().contains(name), name + " missing from /metrics");
            }

            Http.Response health = node.http().get("/health");
            assertEquals(200, health.status(), health.body());
            JsonNode body = JSON.readTree(health.body());
            assertTrue(List.of("UP", "DEGRADED").contains(body.path("status").asText()), health.body());
            assertTrue(body.path("components").size() >= 4, health.body());

            WeftNode.Result status = node.weft("status");
            assertEquals(0, status.exitStatus(), status.output());
            assertTrue(status.output().contains("RUNNING"), status.output());

            WeftNode.Result stopped = node.weft("stop");
            assertEquals(0, stopped.exitStatus(), stopped.output());
            assertFalse(WeftNode.running(pid), "process " + pid + " still running");
            assertEquals(3, node.weft("status").exitStatus());
        }
    }

    @Test
    @DisplayName("the Web Console always asks for credentials; /metrics and /health do not")
    void consoleAsksForCredentials() throws Exception {
        try (WeftNode node = WeftNode.create("credentials").start()) {
            assertEquals(401, node.http().get("/system/console/bundles").status());
            assertEquals(200, node.http().getAsAdmin("/system/console/bundles").status());
            Http wrong = new Http(node.http().base(), "admin", "wrong");
            assertEquals(401, wrong.getAsAdmin("/system/console/bundles").status());
            assertEquals(200, node.http().get("/metrics").status());
        }
    }

    @Test
    @DisplayName("an unknown role is refused: bin/weft says which roles exist and exits 78, no process is left")
    void unknownRole() throws Exception {
        try (WeftNode node = WeftNode.create("unknown-role")) {
            WeftNode.Result r = node.weft("start", "--role", "no-such-role");
            assertEquals(78, r.exitStatus(), r.output());
            assertTrue(r.output().contains("unknown role 'no-such-role'"), r.output());
            assertTrue(r.output().contains("standalone"), r.output());
            assertFalse(node.isAlive());
        }
    }

    @Test
    @DisplayName("a taken HTTP port is named: bin/weft exits 2, the node runs on and its monitor still evaluates")
    void portInUse() throws Exception {
        try (WeftNode node = WeftNode.create("port-in-use");
             ServerSocket squatter = new ServerSocket(node.httpPort(), 1, InetAddress.getLoopbackAddress())) {
            WeftNode.Result r = node.weft("start");
            assertEquals(2, r.exitStatus(), r.output());
            assertTrue(r.output().contains("port " + node.httpPort()), r.output());
            assertTrue(node.isAlive(), "the node should keep running");
            assertTrue(node.log("common-error.log").contains("already in use"), node.log("common-error.log"));
            assertEquals(0, node.weft("stop").exitStatus());
        }
    }

    @Test
    @DisplayName("after kill -9 the node starts again from the same home with its configuration")
    void restartAfterKill() throws Exception {
        try (WeftNode node = WeftNode.create("kill9").start()) {
            Path monitorCfg = node.home().resolve("conf/io.weft.monitor.cfg");
            assertTrue(Files.exists(monitorCfg), "seeded on first start");
            Files.writeString(monitorCfg, Files.readString(monitorCfg).replaceAll("(?m)^load5Threshold.*$", "load5Threshold = 7"));
            node.kill9();
            assertFalse(node.isAlive());
            WeftNode.Result again = node.weft("start");
            assertEquals(0, again.exitStatus(), again.output());
            assertTrue(Files.readString(monitorCfg).contains("load5Threshold = 7"), "operator's edit kept");
            assertTrue(node.awaitHealthy(), node.http().get("/health").body());
        }
    }

    @Test
    @DisplayName("a configuration file that cannot be read is named: bin/weft exits 2 and the node serves on with defaults")
    void malformedConfigurationFile() throws Exception {
        try (WeftNode node = WeftNode.create("bad-config")) {
            Files.writeString(node.home().resolve("conf/io.weft.example.config"), "threshold = I\"not a number\"\n");
            WeftNode.Result r = node.weft("start");
            assertEquals(2, r.exitStatus(), r.output());
            assertTrue(r.output().contains("conf/io.weft.example.config was not loaded"), r.output());
            assertTrue(node.awaitHealthy(), "still serving: " + node.http().get("/health").body());
            assertTrue(node.log("common-error.log").contains("io.weft.example.config"), node.log("common-error.log"));
        }
    }
}
