package io.weft.itest.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.itest.support.Http;
import io.weft.itest.support.WeftNode;

/** Thresholds change through conf/ (ConfigAdmin) while the node runs, with no restart. */
class LiveReconfigurationTest {

    private static final Pattern DISK_FIRING = Pattern.compile("(?m)^weft_alert_firing\\{rule=\"disk_usage\",?\\} 1\\.0$");

    @Test
    @DisplayName("OPS-18: lowering disk_usage's threshold in conf/io.weft.monitor.cfg fires the alert without restart; raising it resolves it")
    void thresholdChangeAppliesLive() throws Exception {
        try (WeftNode node = WeftNode.create("reconfigure").start()) {
            long pid = node.pid().orElseThrow();
            Path cfg = node.home().resolve("conf/io.weft.monitor.cfg");
            String original = Files.readString(cfg);
            assertTrue(original.contains("diskUsageThreshold"), original);

            Files.writeString(cfg, original.replaceAll("(?m)^diskUsageThreshold.*$", "diskUsageThreshold = 0"));
            assertTrue(WeftNode.await(Duration.ofSeconds(30),
                    () -> DISK_FIRING.matcher(node.http().get("/metrics").body()).find()),
                    "disk_usage should fire once its threshold is 0: " + node.http().get("/metrics").body());
            assertTrue(WeftNode.await(Duration.ofSeconds(10), () -> node.log("monitor/alert.log").contains("FIRING rule=disk_usage")),
                    node.log("monitor/alert.log"));
            assertEquals("DEGRADED", new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(node.http().get("/health").body()).path("status").asText());

            Files.writeString(cfg, original);
            assertTrue(WeftNode.await(Duration.ofSeconds(30), () -> node.log("monitor/alert.log").contains("RESOLVED rule=disk_usage")),
                    node.log("monitor/alert.log"));
            assertEquals(pid, node.pid().orElseThrow(), "same process: no restart");
        }
    }

    @Test
    @DisplayName("OPS-18: a threshold saved on the Web Console's configuration page applies without restart and survives one")
    void thresholdChangeThroughWebConsole() throws Exception {
        try (WeftNode node = WeftNode.create("reconfigure-console").start()) {
            long pid = node.pid().orElseThrow();
            Http.Response page = node.http().getAsAdmin("/system/console/configMgr/io.weft.monitor");
            assertEquals(200, page.status());

            Http.Response saved = node.http().postFormAsAdmin("/system/console/configMgr/io.weft.monitor", java.util.Map.of(
                    "apply", "true",
                    "action", "ajaxConfigManager",
                    "propertylist", "cpuUsageThreshold,memUsageThreshold,diskUsageThreshold,load5Threshold,evaluationIntervalSeconds",
                    "cpuUsageThreshold", "80", "memUsageThreshold", "80", "diskUsageThreshold", "0",
                    "load5Threshold", "3", "evaluationIntervalSeconds", "60"));
            assertTrue(saved.status() == 200 || saved.status() == 302, saved.status() + " " + saved.body());
            assertTrue(WeftNode.await(Duration.ofSeconds(30),
                    () -> DISK_FIRING.matcher(node.http().get("/metrics").body()).find()),
                    "disk_usage should fire: " + node.http().get("/metrics").body());
            assertTrue(WeftNode.await(Duration.ofSeconds(10), () -> {
                try {
                    return Files.readString(node.home().resolve("conf/io.weft.monitor.cfg")).matches("(?s).*diskUsageThreshold\\s*=\\s*\"?0.*");
                } catch (java.io.IOException e) {
                    return false;
                }
            }), "written back to conf/io.weft.monitor.cfg");
            assertEquals(pid, node.pid().orElseThrow(), "same process: no restart");

            assertEquals(0, node.weft("stop").exitStatus());
            assertEquals(0, node.weft("start").exitStatus());
            assertTrue(WeftNode.await(Duration.ofSeconds(30),
                    () -> DISK_FIRING.matcher(node.http().get("/metrics").body()).find()),
                    "the console's change survives a restart");
        }
    }
}
