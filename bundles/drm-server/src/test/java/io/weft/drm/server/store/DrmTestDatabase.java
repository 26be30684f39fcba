package io.weft.drm.server.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import io.weft.api.store.Database;
import io.weft.api.store.MigrationException;

/**
 * A database with the DRM tables for tests: a fresh in-memory embedded Derby, or the MariaDB/MySQL named by
 * {@value #MARIADB_ENV} (a JDBC URL; the DRM tables in it are dropped first). The tables are made by the
 * same scripts a node runs, through Flyway as the store bundle runs them. Also a minimal {@link Database}
 * for components.
 */
public final class DrmTestDatabase implements Database, AutoCloseable {

    public static final String MARIADB_ENV = "WEFT_TEST_MARIADB_URL";
    private static final List<String> TABLES = List.of("drm_attribute", "drm_push_history", "drm_node", "drm_cluster",
            "drm_sequence", "schema_history_drm");

    private final String url;
    private final boolean derby;
    private final DataSource dataSource;

    private DrmTestDatabase(String url, boolean derby) {
        this.url = url;
        this.derby = derby;
        this.dataSource = new UrlDataSource(url);
    }

    /** Backend names for {@code @MethodSource}: derby always, mariadb when {@value #MARIADB_ENV} is set. */
    public static Stream<String> backends() {
        String url = System.getenv(MARIADB_ENV);
        return url == null || url.isBlank() ? Stream.of("derby") : Stream.of("derby", "mariadb");
    }

    /** A fresh database of that backend with the DRM tables migrated. */
    public static DrmTestDatabase migrated(String backend) throws Exception {
        DrmTestDatabase db = empty(backend);
        db.migrate(JdbcDrmStore.MIGRATION_OWNER, DrmTestDatabase.class.getClassLoader(),
                SqlDialect.of(db.dataSource).migrations());
        return db;
    }

    /** A fresh database of that backend without the DRM tables. */
    public static DrmTestDatabase empty(String backend) throws SQLException {
        if ("derby".equals(backend)) {
            return new DrmTestDatabase("jdbc:derby:memory:drm-" + UUID.randomUUID() + ";create=true", true);
        }
        DrmTestDatabase db = new DrmTestDatabase(System.getenv(MARIADB_ENV), false);
        try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String t : TABLES) {
                s.execute("DROP TABLE IF EXISTS " + t);
            }
        }
        return db;
    }

    public static DrmTestDatabase migratedDerby() throws Exception {
        return migrated("derby");
    }

    public JdbcDrmStore store(Clock clock) throws SQLException {
        return new JdbcDrmStore(dataSource, SqlDialect.of(dataSource), clock);
    }

    @Override
    public String name() {
        return "weft";
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public int migrate(String owner, ClassLoader resources, String location) throws MigrationException {
        try {
            return Flyway.configure(resources).dataSource(dataSource).table("schema_history_" + owner)
                    .locations("classpath:" + location).baselineOnMigrate(true).baselineVersion("0").load().migrate()
                    .migrationsExecuted;
        } catch (RuntimeException e) {
            throw new MigrationException("test migration of " + owner + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (!derby) {
            return;
        }
        try {
            DriverManager.getConnection(url.replace(";create=true", ";drop=true")).close();
        } catch (SQLException dropped) {
            // Derby reports a dropped in-memory database with an exception (state 08006).
        }
    }

    /** A connection per call from {@link DriverManager}, as little of a pool as a test needs. */
    static class UrlDataSource implements DataSource {
        private final String url;

        UrlDataSource(String url) {
            this.url = url;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
