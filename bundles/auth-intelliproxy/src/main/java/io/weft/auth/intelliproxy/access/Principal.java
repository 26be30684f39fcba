package io.weft.auth.intelliproxy.access;

import java.util.Objects;
import java.util.Set;

/**
 * An authenticated user and what its roles grant.
 *
 * @param name        the user's name
 * @param roles       its roles
 * @param permissions the permissions and patterns its roles grant ({@code *}, {@code console.*}, exact names)
 */
public record Principal(String name, Set<String> roles, Set<String> permissions) {

    public Principal {
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }

    /** Whether a granted permission is {@code *}, equal to {@code permission}, or a prefix pattern of it. */
    public boolean has(String permission) {
        for (String granted : permissions) {
            if (matches(granted, permission)) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(String granted, String permission) {
        if (granted.equals("*") || granted.equals(permission)) {
            return true;
        }
        return granted.endsWith(".*") && permission.startsWith(granted.substring(0, granted.length() - 1));
    }
}
