package io.weft.store.database;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariDataSource;

import io.weft.api.store.Database;
import io.weft.api.store.MigrationException;
import io.weft.store.derby.EmbeddedDerby;
import io.weft.store.jdbc.ConnectionSettings;
import io.weft.store.jdbc.DataSources;
import io.weft.store.jdbc.DatabaseType;
import io.weft.store.migrate.SchemaMigrator;

/** A reachable database: its pool and its migrations. Closing it closes the pool, then Derby's files. */
public final class StoreDatabase implements Database, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreDatabase.class);

    private final ConnectionSettings settings;
    private final HikariDataSource pool;

    private StoreDatabase(ConnectionSettings settings, HikariDataSource pool) {
        this.settings = settings;
        this.pool = pool;
    }

    /**
     * Opens the pool and its first connection.
     *
     * @throws SQLException or Hikari's {@code PoolInitializationException} if the database is unreachable
     */
    public static StoreDatabase open(ConnectionSettings settings) throws SQLException {
        if (settings.type() == DatabaseType.EMBEDDED_DERBY) {
            try {
                java.nio.file.Files.createDirectories(settings.derbyFolder().getParent());
                EmbeddedDerby.setAsideIncomplete(settings.derbyFolder());
            } catch (java.io.IOException e) {
                throw new SQLException("cannot prepare " + settings.derbyFolder() + ": " + e.getMessage(), e);
            }
        }
        DataSource unpooled = DataSources.unpooled(settings);
        try {
            return new StoreDatabase(settings, DataSources.pooled(settings, unpooled));
        } catch (RuntimeException e) {
            // Derby may have booted the database before the pool gave up: leave no lock behind.
            shutdownEmbedded(settings);
            throw e;
        }
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public DataSource dataSource() {
        return pool;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    @Override
    public int migrate(String owner, ClassLoader resources, String location) throws MigrationException {
        if (pool.isClosed()) {
            throw new MigrationException("database '" + name() + "' is closed", null);
        }
        return SchemaMigrator.migrate(name(), pool, owner, resources, location);
    }

    /** Closes every pooled connection, then (embedded Derby) shuts the database down so no lock is left. */
    @Override
    public void close() {
        pool.close();
        shutdownEmbedded(settings);
        LOG.info("Database '{}' closed ({})", name(), settings.describe());
    }

    private static void shutdownEmbedded(ConnectionSettings settings) {
        if (settings.type() == DatabaseType.EMBEDDED_DERBY) {
            EmbeddedDerby.shutdown(settings.derbyFolder());
        }
    }

    @Override
    public String toString() {
        return "Database[" + settings.name() + ", " + settings.describe() + "]";
    }
}
