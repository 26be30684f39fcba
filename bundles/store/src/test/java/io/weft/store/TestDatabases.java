package io.weft.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.weft.store.database.StoreDatabase;
import io.weft.store.jdbc.ConnectionSettings;
import io.weft.store.jdbc.DatabaseType;

/**
 * The databases the store tests run against: embedded Derby always, MariaDB/MySQL when
 * {@value #MARIADB_ENV} names one (a JDBC URL; its schema is emptied before each test).
 */
public final class TestDatabases {

    public static final String MARIADB_ENV = "WEFT_TEST_MARIADB_URL";

    private TestDatabases() {
    }

    /** Backend names for {@code @MethodSource}. */
    public static Stream<String> backends() {
        String url = System.getenv(MARIADB_ENV);
        return url == null || url.isBlank() ? Stream.of("derby") : Stream.of("derby", "mariadb");
    }

    /** Opens a fresh, empty database of the given backend. */
    public static StoreDatabase open(String backend, Path tempDir) throws SQLException {
        return open(backend, tempDir, Duration.ofSeconds(10));
    }

    /**
     * Opens a fresh, empty database of the given backend whose pool waits up to {@code connectionTimeout} for a
     * connection (creating an embedded Derby database can take longer than 10 s on a busy machine).
     */
    public static StoreDatabase open(String backend, Path tempDir, Duration connectionTimeout) throws SQLException {
        if ("derby".equals(backend)) {
            return StoreDatabase.open(ConnectionSettings.builder("weft", DatabaseType.EMBEDDED_DERBY).derbyRoot(tempDir)
                    .pool(4, 1).connectionTimeout(connectionTimeout).build());
        }
        StoreDatabase db = StoreDatabase.open(ConnectionSettings.builder("weft", DatabaseType.MYSQL)
                .url(System.getenv(MARIADB_ENV))
                .pool(4, 1)
                .connectionTimeout(connectionTimeout)
                .build());
        dropAllTables(db);
        return db;
    }

    public static ConnectionSettings embedded(String name, Path root) {
        return ConnectionSettings.builder(name, DatabaseType.EMBEDDED_DERBY).derbyRoot(root).pool(4, 1).build();
    }

    private static void dropAllTables(StoreDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            s.execute("SET FOREIGN_KEY_CHECKS = 0");
            for (String t : tables) {
                s.execute("DROP TABLE `" + t + "`");
            }
            s.execute("SET FOREIGN_KEY_CHECKS = 1");
        }
    }

    /** Runs a query returning one number. */
    public static long count(StoreDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static void execute(StoreDatabase db, String... sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    /** Whether a table exists, whatever case the database keeps names in. */
    public static boolean tableExists(StoreDatabase db, String table) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            for (String name : List.of(table, table.toUpperCase())) {
                try (ResultSet rs = c.getMetaData().getTables(null, null, name, null)) {
                    while (rs.next()) {
                        // MySQL ignores the schema argument of getTables: only count the current schema.
                        String catalog = rs.getString("TABLE_CAT");
                        if (catalog == null || catalog.isEmpty() || catalog.equals(c.getCatalog())) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }
}
