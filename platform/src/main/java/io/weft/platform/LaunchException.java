package io.weft.platform;

/**
 * A reason the node cannot start, with the process exit status {@code bin/weft} reports for it.
 * The message is written for an operator: it says what is wrong and where to fix it.
 */
public final class LaunchException extends RuntimeException {

    /** Bad command line. */
    public static final int USAGE = 64;
    /** A configuration file is missing, unreadable or invalid, or a role is unknown. */
    public static final int CONFIG = 78;
    /** The distribution is incomplete (a bundle named by a feature is missing). */
    public static final int DISTRIBUTION = 70;

    private final int exitStatus;

    public LaunchException(int exitStatus, String message) {
        super(message);
        this.exitStatus = exitStatus;
    }

    public LaunchException(int exitStatus, String message, Throwable cause) {
        super(message, cause);
        this.exitStatus = exitStatus;
    }

    public int exitStatus() {
        return exitStatus;
    }
}
