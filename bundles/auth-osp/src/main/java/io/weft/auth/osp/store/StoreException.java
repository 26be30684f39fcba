package io.weft.auth.osp.store;

/** The database failed (unreachable, schema missing, ...); the operation was rolled back. */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
