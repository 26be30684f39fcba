package io.weft.store.database;

import static io.weft.store.TestDatabases.count;
import static io.weft.store.TestDatabases.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.weft.store.TestDatabases;

/** Embedded Derby's files across a clean stop and a kill -9. */
class StoreDatabaseLifecycleTest {

    @TempDir
    Path temp;

    @Test
    @DisplayName("A clean stop shuts embedded Derby down: no lock file left, reopened with every row")
    void cleanStopLeavesNoLock() throws Exception {
        Path folder = temp.resolve("weft");
        try (StoreDatabase db = StoreDatabase.open(TestDatabases.embedded("weft", temp))) {
            db.migrate("sample", getClass().getClassLoader(), "db/sample-v1");
            execute(db, "INSERT INTO sample_item (id, name) VALUES (1, 'kept')");
            assertTrue(Files.exists(folder.resolve("db.lck")), "booted database holds its lock");
        }
        assertFalse(Files.exists(folder.resolve("db.lck")), "db.lck left behind");
        assertFalse(Files.exists(folder.resolve("dbex.lck")), "dbex.lck left behind");

        try (StoreDatabase db = StoreDatabase.open(TestDatabases.embedded("weft", temp))) {
            assertEquals(1, count(db, "SELECT COUNT(*) FROM sample_item"));
        }
    }

    @Test
    @DisplayName("A database whose creation was cut short by a kill is set aside and created again, not left down for good")
    void incompleteCreationIsSetAside() throws Exception {
        Path folder = temp.resolve("weft");
        Files.createDirectories(folder.resolve("seg0"));  // what a kill during CREATE leaves: no service.properties
        try (StoreDatabase db = StoreDatabase.open(TestDatabases.embedded("weft", temp))) {
            db.migrate("sample", getClass().getClassLoader(), "db/sample-v1");
            execute(db, "INSERT INTO sample_item (id, name) VALUES (1, 'new')");
            assertEquals(1, count(db, "SELECT COUNT(*) FROM sample_item"));
        }
        try (var siblings = Files.list(temp)) {
            assertTrue(siblings.anyMatch(p -> p.getFileName().toString().startsWith("weft.incomplete-")),
                    "the unfinished folder is kept aside for inspection");
        }
    }

    @Test
    @DisplayName("After kill -9 of the JVM that wrote them, the database reopens with every committed row")
    void killNineKeepsCommittedRows() throws Exception {
        int rows = 200;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dderby.stream.error.file=" + temp.resolve("child-derby.log")));
        command.add(CrashingWriter.class.getName());
        command.add(temp.toString());
        command.add(String.valueOf(rows));
        Process child = new ProcessBuilder(command)
                .redirectError(temp.resolve("child-stderr.log").toFile())
                .start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith(CrashingWriter.COMMITTED)) {
                // skip anything else the child prints
            }
            assertEquals(CrashingWriter.COMMITTED + rows, line,
                    "child output; stderr in " + temp.resolve("child-stderr.log"));
        } finally {
            child.destroyForcibly(); // SIGKILL on Unix: no shutdown hook, no Derby shutdown
            child.waitFor(60, TimeUnit.SECONDS);
        }
        assertFalse(child.isAlive());
        assertTrue(Files.exists(temp.resolve("weft").resolve("db.lck")), "the killed JVM left its lock file");

        try (StoreDatabase db = StoreDatabase.open(TestDatabases.embedded("weft", temp))) {
            assertEquals(rows, count(db, "SELECT COUNT(*) FROM sample_item"));
            assertEquals(0, db.migrate("sample", getClass().getClassLoader(), "db/sample-v1"));
        }
        assertFalse(Files.exists(temp.resolve("weft").resolve("db.lck")));
    }

    /** The child JVM: commits rows one by one, says so, then waits to be killed. */
    public static final class CrashingWriter {
        static final String COMMITTED = "COMMITTED ";

        public static void main(String[] args) throws Exception {
            Path root = Path.of(args[0]);
            int rows = Integer.parseInt(args[1]);
            StoreDatabase db = StoreDatabase.open(TestDatabases.embedded("weft", root));
            db.migrate("sample", CrashingWriter.class.getClassLoader(), "db/sample-v1");
            for (int i = 1; i <= rows; i++) {
                execute(db, "INSERT INTO sample_item (id, name) VALUES (" + i + ", 'row " + i + "')");
            }
            System.out.println(COMMITTED + rows);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

}
