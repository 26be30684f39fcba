package io.weft.deployer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the jars of the deploy folder that are new, changed or removed since the last scan. A jar
 * is reported only once its size and modification time have stayed the same for one whole scan, so
 * a file still being copied is never read; the jars already there at the first scan (left from
 * before the node started) are reported at once. Not thread-safe: used by the deployer's one thread.
 */
final class DeployFolderScanner {

    /** The changes found by one scan. */
    record Changes(List<Path> changed, List<Path> removed) {
        boolean isEmpty() {
            return changed.isEmpty() && removed.isEmpty();
        }
    }

    private record Stamp(long size, long modified) {
    }

    private final Path folder;
    private final Map<Path, Stamp> pending = new HashMap<>();
    private final Map<Path, Stamp> settled = new HashMap<>();
    private boolean firstScan = true;

    DeployFolderScanner(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    Changes scan() throws IOException {
        Map<Path, Stamp> now = new HashMap<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path jar : files.filter(f -> f.getFileName().toString().endsWith(".jar")).toList()) {
                    try {
                        now.put(jar, new Stamp(Files.size(jar), Files.getLastModifiedTime(jar).toMillis()));
                    } catch (IOException vanished) {
                        // removed between listing and reading: the next scan sees it gone
                    }
                }
            }
        }
        List<Path> changed = new java.util.ArrayList<>();
        for (Map.Entry<Path, Stamp> e : now.entrySet()) {
            Stamp stamp = e.getValue();
            if (stamp.equals(settled.get(e.getKey()))) {
                continue;
            }
            if (firstScan || stamp.equals(pending.get(e.getKey()))) {
                settled.put(e.getKey(), stamp);
                pending.remove(e.getKey());
                changed.add(e.getKey());
            } else {
                pending.put(e.getKey(), stamp);
            }
        }
        Set<Path> gone = new HashSet<>(settled.keySet());
        gone.removeAll(now.keySet());
        gone.forEach(settled::remove);
        pending.keySet().retainAll(now.keySet());
        firstScan = false;
        changed.sort(null);
        return new Changes(changed, gone.stream().sorted().toList());
    }
}
