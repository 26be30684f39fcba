package io.weft.auth.osp.secret;

/** A stored SecretKey does not decrypt: another node's master key, a lost key file, or a tampered row. */
public final class SecretUnreadableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SecretUnreadableException(String message) {
        super(message);
    }
}
