package io.weft.drm.client.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingFileTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("DRM-22: client logs rotate by size and keep a bounded number of older files")
    void rotatesBySize() throws Exception {
        Path file = dir.resolve("logs").resolve("drm-monitor.log");
        try (RotatingFile log = new RotatingFile(file, 100, 2)) {
            for (int i = 0; i < 20; i++) {
                log.append("line " + i + " " + "x".repeat(30));
            }
        }
        assertTrue(Files.size(file) <= 100);
        assertTrue(Files.exists(dir.resolve("logs").resolve("drm-monitor.log.1")));
        assertTrue(Files.exists(dir.resolve("logs").resolve("drm-monitor.log.2")));
        assertFalse(Files.exists(dir.resolve("logs").resolve("drm-monitor.log.3")));
        assertTrue(Files.readString(file).contains("line 19"), "the newest line is in the current file");
    }

    @Test
    @DisplayName("DRM-23: a line carries the timestamp and its kind")
    void lineFormat() throws Exception {
        try (ClientLog log = new ClientLog(dir, java.time.Clock.systemDefaultZone())) {
            log.monitor("registersuccess acme server=127.0.0.1:9880 attributes=2");
        }
        String text = Files.readString(dir.resolve("drm-monitor.log"));
        assertTrue(text.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} \\[monitor\\] registersuccess acme"
                + " server=127.0.0.1:9880 attributes=2\\R"), text);
        assertEquals(1, text.lines().count());
    }
}
