package io.weft.itest.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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
}
