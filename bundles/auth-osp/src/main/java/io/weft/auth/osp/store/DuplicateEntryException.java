package io.weft.auth.osp.store;

/** An insert met an existing row of the same key (a tenant, instance or AccessKey that already exists). */
public final class DuplicateEntryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DuplicateEntryException(String message) {
        super(message);
    }
}
