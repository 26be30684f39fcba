package io.weft.auth.intelliproxy.user;

import java.util.Objects;
import java.util.Set;

/**
 * A console user as stored.
 *
 * @param name         the login name ({@link Names#checkUser})
 * @param passwordHash the stored hash (PHC string); never printed by {@link #toString}
 * @param enabled      a disabled user cannot log in and its sessions stop working
 * @param roles        names of the roles it holds
 */
public record User(String name, String passwordHash, boolean enabled, Set<String> roles) {

    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(passwordHash, "passwordHash");
        roles = Set.copyOf(roles);
    }

    @Override
    public String toString() {
        return "User[name=" + name + ", enabled=" + enabled + ", roles=" + roles + "]";
    }
}
