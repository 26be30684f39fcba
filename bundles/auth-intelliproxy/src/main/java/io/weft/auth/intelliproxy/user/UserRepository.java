package io.weft.auth.intelliproxy.user;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where users, roles and role permissions are kept. Each method is one transaction: it either does
 * all it says or nothing. Names passed in are checked by the caller ({@link Names}); a missing user
 * or role named by a change is an {@link IllegalArgumentException}; a storage failure is a
 * {@link RepositoryException}.
 */
public interface UserRepository {

    Optional<User> find(String name);

    /** Every user, by name. */
    List<User> users();

    /** Whether no user exists yet (the first start of a node). */
    boolean isEmpty();

    /** @throws IllegalArgumentException if the user exists or a role does not */
    void create(String name, String passwordHash, Set<String> roles);

    void setPasswordHash(String name, String passwordHash);

    void setEnabled(String name, boolean enabled);

    /** Replaces the user's roles. @throws IllegalArgumentException if a role does not exist */
    void setRoles(String name, Set<String> roles);

    /** Every role with its permissions, by name. */
    List<Role> roles();

    /** Grants {@code permission} to {@code role}, creating the role if it does not exist yet. */
    void grant(String role, String permission);

    /** Takes {@code permission} from {@code role}; nothing happens if it did not have it. */
    void revoke(String role, String permission);

    /** The permissions granted by these roles together. */
    Set<String> permissionsOf(Set<String> roles);
}
