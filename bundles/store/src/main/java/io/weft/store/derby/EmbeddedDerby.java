package io.weft.store.derby;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Clean shutdown of one embedded Derby database, so it leaves no lock and reopens without recovery. */
public final class EmbeddedDerby {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDerby.class);
    /** Derby reports a successful single-database shutdown as this SQL state. */
    private static final String DATABASE_SHUT_DOWN = "08006";
    /** The database was not booted: nothing to shut down. */
    private static final String NOT_BOOTED = "XJ004";

    /** Derby writes this file when it creates a database; a folder without it was never finished. */
    static final String SERVICE_PROPERTIES = "service.properties";

    private EmbeddedDerby() {
    }

    /**
     * Moves aside a database folder whose creation never finished (the node was killed while Derby
     * was creating it: the folder exists but holds no {@value #SERVICE_PROPERTIES}). Derby refuses
     * to open or re-create such a folder, which would keep the node's database down for good; it can
     * hold no committed row, so it is renamed {@code <name>.incomplete-<millis>} and a fresh
     * database is created in its place.
     *
     * @return the folder it was moved to, or null when there was nothing to do
     */
    public static Path setAsideIncomplete(Path folder) throws java.io.IOException {
        if (!java.nio.file.Files.isDirectory(folder) || java.nio.file.Files.exists(folder.resolve(SERVICE_PROPERTIES))) {
            return null;
        }
        Path aside = folder.resolveSibling(folder.getFileName() + ".incomplete-" + System.currentTimeMillis());
        java.nio.file.Files.move(folder, aside);
        LOG.warn("Embedded Derby database {} was never fully created (the node stopped while creating it);"
                + " moved it to {} and creating it again", folder, aside);
        return aside;
    }

    /** Shuts the database in {@code folder} down; a database that is not booted is left alone. */
    public static void shutdown(Path folder) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(folder.toAbsolutePath().toString());
        ds.setShutdownDatabase("shutdown");
        try (Connection ignored = ds.getConnection()) {
            LOG.warn("Derby did not confirm the shutdown of {}", folder);
        } catch (SQLException e) {
            if (DATABASE_SHUT_DOWN.equals(e.getSQLState())) {
                LOG.info("Embedded Derby database {} shut down", folder);
            } else if (!NOT_BOOTED.equals(e.getSQLState())) {
                LOG.warn("Shutting down embedded Derby database {} failed: {} ({})", folder, e.getMessage(),
                        e.getSQLState());
            }
        }
    }
}
