package io.weft.store.migrate;

import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.api.store.Database;
import io.weft.api.store.MigrationException;

/**
 * Runs one owner's versioned scripts with Flyway, recording them in the owner's own history table
 * {@code schema_history_<owner>}.
 */
public final class SchemaMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);
    private static final Pattern LOCATION = Pattern.compile("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-.]+)*");
    static final String HISTORY_TABLE_PREFIX = "schema_history_";

    private SchemaMigrator() {
    }

    /**
     * @return the number of scripts applied
     * @throws IllegalArgumentException if owner or location is malformed (checked before anything runs)
     */
    public static int migrate(String databaseName, DataSource dataSource, String owner, ClassLoader resources,
            String location) throws MigrationException {
        if (owner == null || !Database.NAME_PATTERN.matcher(owner).matches()) {
            throw new IllegalArgumentException("migration owner '" + owner + "' is not a name: use a lower-case"
                    + " letter then lower-case letters, digits or '_' (at most 48)");
        }
        String folder = location == null ? "" : location.replaceAll("^/+|/+$", "");
        if (!LOCATION.matcher(folder).matches() || folder.contains("..")) {
            throw new IllegalArgumentException("migration location '" + location + "' of owner '" + owner
                    + "' is not a folder path like db/migration/" + owner);
        }
        if (resources == null) {
            throw new IllegalArgumentException("migration of owner '" + owner + "': no class loader given");
        }
        String what = "database '" + databaseName + "', owner '" + owner + "', scripts " + folder;
        try {
            ScriptProvider scripts = new ScriptProvider(resources, folder);
            if (scripts.size() == 0) {
                LOG.warn("No migration scripts in {} ({})", folder, what);
            }
            Flyway flyway = Flyway.configure(resources)
                    .dataSource(dataSource)
                    .table(HISTORY_TABLE_PREFIX + owner)
                    .resourceProvider(scripts)
                    .javaMigrationClassProvider(List::of)
                    // Several owners share one schema: a schema holding other owners' tables is not an error.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .validateMigrationNaming(true)
                    .cleanDisabled(true)
                    // Flyway would look for SLF4J through the owner's class loader, which need not see it.
                    .loggers("slf4j")
                    .load();
            MigrateResult result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("Migrated {}: {} script(s) applied, now at version {}", what, result.migrationsExecuted,
                        result.targetSchemaVersion);
            } else {
                LOG.debug("{} is up to date", what);
            }
            return result.migrationsExecuted;
        } catch (FlywayException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new MigrationException("Migration failed (" + what + "): " + e.getMessage(), e);
        }
    }
}
