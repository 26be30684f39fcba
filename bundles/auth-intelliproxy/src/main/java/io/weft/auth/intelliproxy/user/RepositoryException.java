package io.weft.auth.intelliproxy.user;

/** The user store could not be read or written (database down, schema missing). */
public final class RepositoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RepositoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
