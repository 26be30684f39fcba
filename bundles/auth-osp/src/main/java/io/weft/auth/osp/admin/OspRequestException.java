package io.weft.auth.osp.admin;

/**
 * A request to OSP's administration that was refused as a whole: bad input, a name already taken, or a
 * tenant, instance or key that does not exist. The message says which and is safe to show the operator.
 */
public final class OspRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OspRequestException(String message) {
        super(message);
    }
}
