package io.weft.auth.intelliproxy.admin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.weft.auth.intelliproxy.access.Principal;
import io.weft.auth.intelliproxy.password.PasswordGenerator;
import io.weft.auth.intelliproxy.password.PasswordHasher;
import io.weft.auth.intelliproxy.session.SessionStore;
import io.weft.auth.intelliproxy.user.Names;
import io.weft.auth.intelliproxy.user.Role;
import io.weft.auth.intelliproxy.user.User;
import io.weft.auth.intelliproxy.user.UserRepository;

/**
 * Changes to users and roles, each checked before anything is written: names and permissions must be
 * well formed ({@link Names}), a chosen password at least {@value #MIN_PASSWORD} characters, and no
 * change may leave the node without an enabled user able to manage users (nobody is locked out).
 * Ending a user's access (disable, new password) also ends its sessions. Thread-safe as far as the
 * repository is; two administrators racing may both pass the last-administrator check.
 */
public final class UserAdmin {

    public static final int MIN_PASSWORD = 10;
    /** What a user needs to manage users; one enabled holder must remain. */
    static final String MANAGE = io.weft.api.auth.Permissions.CONSOLE_USERS_WRITE;

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordGenerator generator;
    private final SessionStore sessions;

    public UserAdmin(UserRepository users, PasswordHasher hasher, PasswordGenerator generator, SessionStore sessions) {
        this.users = users;
        this.hasher = hasher;
        this.generator = generator;
        this.sessions = sessions;
    }

    /**
     * Creates a user.
     *
     * @param password the password to set, or {@code null} to generate one
     * @return the generated password (to show once), or {@code null} when one was given
     */
    public char[] create(String name, Collection<String> roles, char[] password) {
        Names.checkUser(name);
        Set<String> roleSet = checkRoles(roles);
        char[] generated = password == null ? generator.generate() : null;
        char[] chosen = password == null ? generated : checkPassword(password);
        users.create(name, hasher.hash(chosen), roleSet);
        return generated;
    }

    /** Sets a new password and ends the user's sessions. @return the generated one, or {@code null} */
    public char[] setPassword(String name, char[] password) {
        Names.checkUser(name);
        char[] generated = password == null ? generator.generate() : null;
        char[] chosen = password == null ? generated : checkPassword(password);
        users.setPasswordHash(name, hasher.hash(chosen));
        sessions.endAll(name);
        return generated;
    }

    public void setEnabled(String name, boolean enabled) {
        Names.checkUser(name);
        if (!enabled) {
            checkManagerRemains(name, null);
        }
        users.setEnabled(name, enabled);
        if (!enabled) {
            sessions.endAll(name);
        }
    }

    public void setRoles(String name, Collection<String> roles) {
        Names.checkUser(name);
        Set<String> roleSet = checkRoles(roles);
        checkManagerRemains(name, roleSet);
        users.setRoles(name, roleSet);
    }

    public void grant(String role, String permission) {
        users.grant(Names.checkRole(role), Names.checkPermission(permission));
    }

    public void revoke(String role, String permission) {
        Names.checkRole(role);
        Names.checkPermission(permission);
        List<User> all = users.users();
        // Judge the change on a copy of the roles with the permission taken away.
        List<Role> after = new ArrayList<>();
        for (Role r : users.roles()) {
            Set<String> perms = new HashSet<>(r.permissions());
            if (r.name().equals(role)) {
                perms.remove(permission);
            }
            after.add(new Role(r.name(), r.description(), perms));
        }
        if (all.stream().noneMatch(u -> u.enabled() && canManage(u.roles(), after))) {
            throw new IllegalArgumentException("Refused: no enabled user could manage users afterwards");
        }
        users.revoke(role, permission);
    }

    public List<User> users() {
        return users.users();
    }

    public List<Role> roles() {
        return users.roles();
    }

    /**
     * Refuses to disable {@code name} ({@code newRoles == null}) or give it {@code newRoles} when no other
     * enabled user could manage users afterwards.
     */
    private void checkManagerRemains(String name, Set<String> newRoles) {
        List<Role> roles = users.roles();
        boolean remains = false;
        boolean found = false;
        for (User u : users.users()) {
            if (u.name().equals(name)) {
                found = true;
                if (newRoles != null && u.enabled() && canManage(newRoles, roles)) {
                    remains = true;
                }
            } else if (u.enabled() && canManage(u.roles(), roles)) {
                remains = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("No user '" + name + "'");
        }
        if (!remains) {
            throw new IllegalArgumentException("Refused: '" + name
                    + "' is the last enabled user who can manage users; give another user that right first");
        }
    }

    private static boolean canManage(Set<String> userRoles, List<Role> roles) {
        Set<String> permissions = new HashSet<>();
        for (Role r : roles) {
            if (userRoles.contains(r.name())) {
                permissions.addAll(r.permissions());
            }
        }
        return new Principal("check", userRoles, permissions).has(MANAGE);
    }

    private static Set<String> checkRoles(Collection<String> roles) {
        Set<String> out = new TreeSet<>();
        for (String role : roles) {
            out.add(Names.checkRole(role));
        }
        return out;
    }

    private static char[] checkPassword(char[] password) {
        if (password.length < MIN_PASSWORD) {
            throw new IllegalArgumentException("A password needs at least " + MIN_PASSWORD + " characters");
        }
        return password;
    }
}
