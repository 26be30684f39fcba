package io.weft.store.migrate;

import static io.weft.store.TestDatabases.count;
import static io.weft.store.TestDatabases.execute;
import static io.weft.store.TestDatabases.tableExists;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.weft.api.store.MigrationException;
import io.weft.store.database.StoreDatabase;

/** Versioned migrations per owner, against embedded Derby and (when configured) MariaDB. */
class SchemaMigrationTest {

    private static final ClassLoader SCRIPTS = SchemaMigrationTest.class.getClassLoader();

    @TempDir
    Path temp;

    static java.util.stream.Stream<String> backends() {
        return io.weft.store.TestDatabases.backends();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    @DisplayName("An old schema holding rows is upgraded to the next version: rows kept, new column and table added")
    void upgradesAnOldSchemaWithData(String backend) throws Exception {
        try (StoreDatabase db = io.weft.store.TestDatabases.open(backend, temp)) {
            assertEquals(1, db.migrate("sample", SCRIPTS, "db/sample-v1"));
            execute(db, "INSERT INTO sample_item (id, name) VALUES (1, 'one')",
                    "INSERT INTO sample_item (id, name) VALUES (2, 'two')");

            // The owner bundle was upgraded: its scripts now go up to V2.
            assertEquals(1, db.migrate("sample", SCRIPTS, "db/sample-v2"));

            assertEquals(2, count(db, "SELECT COUNT(*) FROM sample_item"));
            assertEquals(2, count(db, "SELECT COUNT(*) FROM sample_item WHERE note = 'none'"));
            assertTrue(tableExists(db, "sample_tag"));
            execute(db, "INSERT INTO sample_tag (item_id, tag) VALUES (1, 'new')");
            assertEquals(0, db.migrate("sample", SCRIPTS, "db/sample-v2"), "already up to date");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    @DisplayName("Two owners migrate one database, each with its own history table")
    void twoOwnersShareOneDatabase(String backend) throws Exception {
        try (StoreDatabase db = io.weft.store.TestDatabases.open(backend, temp)) {
            assertEquals(2, db.migrate("sample", SCRIPTS, "db/sample-v2"));
            assertEquals(1, db.migrate("other", SCRIPTS, "db/other"));

            assertTrue(tableExists(db, "schema_history_sample"));
            assertTrue(tableExists(db, "schema_history_other"));
            assertEquals(1, count(db, "SELECT COUNT(*) FROM other_entry"));
            assertEquals(0, db.migrate("sample", SCRIPTS, "db/sample-v2"));
            assertEquals(0, db.migrate("other", SCRIPTS, "db/other"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    @DisplayName("SQL-looking owner names and locations are refused before anything runs")
    void refusesSqlLookingNames(String backend) throws Exception {
        try (StoreDatabase db = io.weft.store.TestDatabases.open(backend, temp)) {
            for (String owner : new String[] {"osp; DROP TABLE x", "x' OR '1'='1", "Osp", "", "a b",
                    "a".repeat(49), "1abc", "osp`--"}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> db.migrate(owner, SCRIPTS, "db/other"), owner);
                assertTrue(e.getMessage().contains("owner"), e.getMessage());
            }
            assertThrows(IllegalArgumentException.class, () -> db.migrate("other", SCRIPTS, "db/../db/other"));
            assertThrows(IllegalArgumentException.class, () -> db.migrate("other", SCRIPTS, "db/other;--"));
            assertFalse(tableExists(db, "other_entry"), "nothing ran");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    @DisplayName("A failing script is a MigrationException naming the owner; the schema stays at the last good version")
    void failingScriptKeepsLastGoodVersion(String backend) throws Exception {
        try (StoreDatabase db = io.weft.store.TestDatabases.open(backend, temp)) {
            MigrationException e = assertThrows(MigrationException.class,
                    () -> db.migrate("broken", SCRIPTS, "db/broken"));
            assertTrue(e.getMessage().contains("owner 'broken'"), e.getMessage());
            assertTrue(tableExists(db, "sample_item"), "V1 applied");
            if ("derby".equals(backend)) {
                // Derby runs DDL in the script's transaction; MySQL commits each DDL statement at once.
                assertFalse(tableExists(db, "broken_half"), "V2 rolled back");
            }
            execute(db, "INSERT INTO sample_item (id, name) VALUES (1, 'still usable')");
        }
    }
}
