package io.weft.registry.protocol;

/**
 * The roles a {@link NodeHeartbeat} or {@link Ping} names. Strings, not an enum: Hessian writes enums by constant
 * name, and a renamed constant would break a rolling upgrade (decision record 0021).
 */
public final class RegistryRoles {

    public static final String SESSION = "SESSION";
    public static final String DATA = "DATA";

    private RegistryRoles() {
    }
}
