package io.weft.api.store;

/**
 * Schema migration failed; the message names the database, the owner and the script or cause. The
 * owner's schema stays at the last version applied successfully, so fixing the cause and migrating
 * again resumes from there.
 */
public class MigrationException extends Exception {

    private static final long serialVersionUID = 1L;

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
