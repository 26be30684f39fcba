package io.weft.registry.meta.state;

/**
 * What applying one command did. A refusal (for example a persistent datum whose version is not newer)
 * is a result, not an exception: every replica refuses the same entry the same way.
 */
public record CommandResult(boolean success, String message) {

    public static CommandResult ok(String message) {
        return new CommandResult(true, message);
    }

    public static CommandResult refused(String message) {
        return new CommandResult(false, message);
    }
}
