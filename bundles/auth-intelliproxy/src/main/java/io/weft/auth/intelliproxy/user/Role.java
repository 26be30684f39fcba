package io.weft.auth.intelliproxy.user;

import java.util.Objects;
import java.util.Set;

/**
 * A role and the permissions it grants.
 *
 * @param name        the role's name ({@link Names#checkRole})
 * @param description what the role is for
 * @param permissions permission names or patterns ({@code *}, {@code console.*})
 */
public record Role(String name, String description, Set<String> permissions) {

    public Role {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        permissions = Set.copyOf(permissions);
    }
}
