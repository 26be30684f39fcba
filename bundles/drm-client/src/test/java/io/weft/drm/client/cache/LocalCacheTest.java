package io.weft.drm.client.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.weft.drm.client.log.ClientLog;

class LocalCacheTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("DRM-32: the cache survives a restart, keeps only newer versions and leaves no temporary file")
    void roundTrip() throws Exception {
        try (ClientLog log = new ClientLog(dir.resolve("logs"), Clock.systemDefaultZone())) {
            LocalCache cache = new LocalCache(dir.resolve("cache"), "acme", log);
            cache.load();
            cache.put("com.example.A:mode", 3, "GEOHASH");
            cache.put("com.example.A:mode", 2, "OLD");
            cache.put("com.example.A:note", 1, null);

            LocalCache again = new LocalCache(dir.resolve("cache"), "acme", log);
            again.load();
            assertEquals(new CachedValue(3, "GEOHASH"), again.get("com.example.A:mode"));
            assertEquals(new CachedValue(1, null), again.get("com.example.A:note"));
            try (var files = Files.list(dir.resolve("cache"))) {
                assertEquals(1, files.count(), "only drm-cache.json");
            }
        }
    }

    @Test
    @DisplayName("DRM-32: an unreadable or foreign cache file is logged and ignored; the client starts without it")
    void badFileIgnored() throws Exception {
        Files.createDirectories(dir.resolve("cache"));
        Files.writeString(dir.resolve("cache").resolve(LocalCache.FILE_NAME), "{not json");
        try (ClientLog log = new ClientLog(dir.resolve("logs"), Clock.systemDefaultZone())) {
            LocalCache cache = new LocalCache(dir.resolve("cache"), "acme", log);
            cache.load();
            assertNull(cache.get("com.example.A:mode"));

            Files.writeString(dir.resolve("cache").resolve(LocalCache.FILE_NAME),
                    "{\"instanceId\":\"other\",\"attributes\":{\"com.example.A:mode\":{\"version\":1,\"value\":\"X\"}}}");
            cache.load();
            assertNull(cache.get("com.example.A:mode"));
        }
        String errors = Files.readString(dir.resolve("logs").resolve("common-error.log"));
        assertTrue(errors.contains("cannot read the DRM cache"), errors);
        assertTrue(errors.contains("belongs to instance other"), errors);
    }
}
