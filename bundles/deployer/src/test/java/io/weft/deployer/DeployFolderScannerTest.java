package io.weft.deployer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployFolderScannerTest {

    @TempDir
    Path folder;

    @Test
    @DisplayName("a jar is reported once it has stayed unchanged for a whole scan, never while being copied")
    void jarIsReportedOnceSettled() throws Exception {
        DeployFolderScanner scanner = new DeployFolderScanner(folder);
        scanner.scan();
        Path jar = folder.resolve("a.jar");
        Files.write(jar, new byte[] {1});
        assertTrue(scanner.scan().isEmpty(), "first sight: maybe still copying");
        Files.write(jar, new byte[] {1, 2});
        assertTrue(scanner.scan().isEmpty(), "still growing");
        assertEquals(List.of(jar), scanner.scan().changed());
        assertTrue(scanner.scan().isEmpty(), "reported once");
    }

    @Test
    @DisplayName("a replaced jar is reported again and a deleted one as removed; other files are ignored")
    void changesAndRemovals() throws Exception {
        Path jar = folder.resolve("b.jar");
        Files.write(jar, new byte[] {1});
        Files.writeString(folder.resolve("notes.txt"), "ignored");
        DeployFolderScanner scanner = new DeployFolderScanner(folder);
        assertEquals(List.of(jar), scanner.scan().changed(), "there before the node started: applied at once");
        Files.write(jar, new byte[] {1, 2, 3});
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        scanner.scan();
        assertEquals(List.of(jar), scanner.scan().changed());
        Files.delete(jar);
        assertEquals(List.of(jar), scanner.scan().removed());
    }

    @Test
    @DisplayName("OPS upgrade: a copy that stalls longer than a scan is reported while incomplete, and again once"
            + " it is complete")
    void stalledCopyReportedAgainWhenComplete() throws Exception {
        DeployFolderScanner scanner = new DeployFolderScanner(folder);
        scanner.scan();
        Path jar = folder.resolve("slow.jar");
        Files.write(jar, new byte[] {1});
        scanner.scan();
        assertEquals(List.of(jar), scanner.scan().changed(), "unchanged for a scan: taken (and refused unreadable)");
        Files.write(jar, new byte[] {1, 2, 3, 4});
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertTrue(scanner.scan().isEmpty(), "growing again");
        assertEquals(List.of(jar), scanner.scan().changed(), "complete: taken again");
    }
}
