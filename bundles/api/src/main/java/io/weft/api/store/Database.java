package io.weft.api.store;

import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A named, reachable database of the node, registered as an OSGi service with the service property
 * {@value #NAME_PROPERTY} once its first connection succeeded; a plain {@link DataSource} service with
 * the same property is registered beside it.
 *
 * <p>Thread-safe: every method may be called from any thread. The service is unregistered when its
 * configuration is removed or changed, or the store stops; connections taken from {@link #dataSource()}
 * must be closed by the caller (try-with-resources) and fail once the service is gone.
 */
@ProviderType
public interface Database {

    /** Service property naming the database; consumers target {@code (weft.database=<name>)}. */
    String NAME_PROPERTY = "weft.database";

    /**
     * What a database name and a migration owner may look like: a lower-case letter, then lower-case
     * letters, digits or {@code _}, at most 48 characters. Anything else (quotes, spaces, SQL) is refused.
     */
    Pattern NAME_PATTERN = Pattern.compile("[a-z][a-z0-9_]{0,47}");

    /** The database's name, the value of {@value #NAME_PROPERTY}. */
    String name();

    /** The pooled connections of this database. */
    DataSource dataSource();

    /**
     * Brings {@code owner}'s tables up to date: applies, in version order, every versioned script
     * {@code V<version>__<description>.sql} under {@code location} on {@code resources} that is not yet
     * recorded in the owner's own history table ({@code schema_history_<owner>}), each in its own
     * transaction where the database allows it. Scripts already applied are checked against their
     * checksum and never run again, so calling this at every start is cheap and safe; several owners
     * share one database without seeing each other's history, and several nodes may migrate the same
     * owner at the same time (the history table is locked while migrating).
     *
     * @param owner whose schema this is, matching {@link #NAME_PATTERN}, e.g. {@code "osp"}
     * @param resources the class loader holding the scripts: in OSGi the owner bundle's class loader
     *        ({@code getClass().getClassLoader()} of one of its classes)
     * @param location the folder of the scripts on {@code resources}, e.g. {@code "db/migration/osp"}
     *        ({@code /}-separated, no {@code ..})
     * @return the number of scripts applied by this call (0 when already up to date)
     * @throws IllegalArgumentException if {@code owner} or {@code location} is malformed; nothing was run
     * @throws MigrationException if the scripts could not be applied: a script failed (that script's
     *         changes are rolled back where the database supports transactional DDL, e.g. Derby, but not
     *         MySQL/MariaDB), a script applied earlier was changed, or the database was unreachable
     */
    int migrate(String owner, ClassLoader resources, String location) throws MigrationException;
}
