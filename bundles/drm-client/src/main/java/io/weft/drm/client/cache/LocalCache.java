package io.weft.drm.client.cache;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.weft.drm.client.log.ClientLog;

/**
 * One JSON file per instance ({@code drm-cache.json} in the cache folder) with the last value and version
 * of every attribute the client held, also of resources not registered in this run, so they are there
 * when registered again. Written whole to a temporary file and renamed over the old one, so a crash
 * never leaves half a file. Thread-safe.
 * <pre>
 * {"instanceId":"acme","attributes":{"com.example.RefreshCacheDRM:refreshCacheType":{"version":7,"value":"GEOHASH"}}}
 * </pre>
 */
public final class LocalCache {

    public static final String FILE_NAME = "drm-cache.json";

    private final ObjectMapper mapper = JsonMapper.builder().build();
    private final Path file;
    private final String instanceId;
    private final ClientLog log;
    private final Map<String, CachedValue> values = new TreeMap<>();

    public LocalCache(Path folder, String instanceId, ClientLog log) {
        this.file = folder.resolve(FILE_NAME);
        this.instanceId = instanceId;
        this.log = log;
    }

    /** Reads the file; a missing file is an empty cache, an unreadable one is logged and ignored. */
    public synchronized void load() {
        try {
            CacheFile read = mapper.readValue(Files.readAllBytes(file), CacheFile.class);
            if (read.instanceId() != null && !read.instanceId().equals(instanceId)) {
                log.error("DRM cache " + file + " belongs to instance " + read.instanceId() + ", not "
                        + instanceId + "; ignored");
                return;
            }
            if (read.attributes() != null) {
                values.putAll(read.attributes());
            }
        } catch (NoSuchFileException e) {
            // First start of this instance on this host.
        } catch (IOException | RuntimeException e) {
            log.error("cannot read the DRM cache " + file + ", starting without it: " + e);
        }
    }

    public synchronized CachedValue get(String key) {
        return values.get(key);
    }

    /** Records the value and rewrites the file; a failed write is logged, the value stays held in memory. */
    public synchronized void put(String key, long version, String value) {
        CachedValue known = values.get(key);
        if (known != null && known.version() >= version) {
            return;
        }
        values.put(key, new CachedValue(version, value));
        try {
            write();
        } catch (IOException e) {
            log.error("cannot write the DRM cache " + file + ": " + e);
        }
    }

    private void write() throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
        try {
            Files.write(temp, mapper.writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(new CacheFile(instanceId, new TreeMap<>(values))));
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The file's JSON shape. */
    record CacheFile(String instanceId, Map<String, CachedValue> attributes) {
    }
}
