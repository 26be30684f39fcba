package io.weft.auth.intelliproxy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import io.weft.api.store.Transactions;

import io.weft.auth.intelliproxy.user.RepositoryException;
import io.weft.auth.intelliproxy.user.Role;
import io.weft.auth.intelliproxy.user.User;
import io.weft.auth.intelliproxy.user.UserRepository;

/**
 * {@link UserRepository} on the tables of {@code db/migration/intelliproxy/V1__intelliproxy.sql}.
 * Thread-safe: holds no connection between calls.
 */
public final class JdbcUserRepository implements UserRepository {

    private final DataSource dataSource;
    private final Clock clock;

    public JdbcUserRepository(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public Optional<User> find(String name) {
        return read("read user " + name, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT name, password_hash, enabled FROM intelliproxy_user WHERE name = ?")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new User(r.getString(1), r.getString(2), r.getInt(3) != 0, rolesOf(c, name)));
                }
            }
        });
    }

    @Override
    public List<User> users() {
        return read("list users", c -> {
            Map<String, User> byName = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT name, password_hash, enabled FROM intelliproxy_user ORDER BY name");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    byName.put(r.getString(1), new User(r.getString(1), r.getString(2), r.getInt(3) != 0, Set.of()));
                }
            }
            List<User> out = new ArrayList<>();
            for (User u : byName.values()) {
                out.add(new User(u.name(), u.passwordHash(), u.enabled(), rolesOf(c, u.name())));
            }
            return out;
        });
    }

    @Override
    public boolean isEmpty() {
        return read("count users", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM intelliproxy_user");
                    ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1) == 0;
            }
        });
    }

    @Override
    public void create(String name, String passwordHash, Set<String> roles) {
        write("create user " + name, c -> {
            if (exists(c, "SELECT 1 FROM intelliproxy_user WHERE name = ?", name)) {
                throw new IllegalArgumentException("User '" + name + "' already exists");
            }
            checkRolesExist(c, roles);
            long now = clock.millis();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO intelliproxy_user"
                    + " (name, password_hash, enabled, created_at, updated_at) VALUES (?, ?, 1, ?, ?)")) {
                s.setString(1, name);
                s.setString(2, passwordHash);
                s.setLong(3, now);
                s.setLong(4, now);
                s.executeUpdate();
            }
            insertRoles(c, name, roles);
        });
    }

    @Override
    public void setPasswordHash(String name, String passwordHash) {
        write("change the password of " + name, c -> updateUser(c, name, "password_hash = ?", passwordHash));
    }

    @Override
    public void setEnabled(String name, boolean enabled) {
        write((enabled ? "enable " : "disable ") + name, c -> updateUser(c, name, "enabled = ?", enabled ? 1 : 0));
    }

    @Override
    public void setRoles(String name, Set<String> roles) {
        write("set the roles of " + name, c -> {
            if (!exists(c, "SELECT 1 FROM intelliproxy_user WHERE name = ?", name)) {
                throw new IllegalArgumentException("No user '" + name + "'");
            }
            checkRolesExist(c, roles);
            try (PreparedStatement s = c.prepareStatement("DELETE FROM intelliproxy_user_role WHERE user_name = ?")) {
                s.setString(1, name);
                s.executeUpdate();
            }
            insertRoles(c, name, roles);
            touch(c, name);
        });
    }

    @Override
    public List<Role> roles() {
        return read("list roles", c -> {
            Map<String, String> descriptions = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT name, description FROM intelliproxy_role ORDER BY name");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    descriptions.put(r.getString(1), r.getString(2));
                }
            }
            List<Role> out = new ArrayList<>();
            for (Map.Entry<String, String> e : descriptions.entrySet()) {
                out.add(new Role(e.getKey(), e.getValue(), permissionsOf(c, Set.of(e.getKey()))));
            }
            return out;
        });
    }

    @Override
    public void grant(String role, String permission) {
        write("grant " + permission + " to " + role, c -> {
            if (!exists(c, "SELECT 1 FROM intelliproxy_role WHERE name = ?", role)) {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO intelliproxy_role (name, description) VALUES (?, ?)")) {
                    s.setString(1, role);
                    s.setString(2, "");
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT 1 FROM intelliproxy_role_permission WHERE role_name = ? AND permission = ?")) {
                s.setString(1, role);
                s.setString(2, permission);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        return;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO intelliproxy_role_permission (role_name, permission) VALUES (?, ?)")) {
                s.setString(1, role);
                s.setString(2, permission);
                s.executeUpdate();
            }
        });
    }

    @Override
    public void revoke(String role, String permission) {
        write("revoke " + permission + " from " + role, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM intelliproxy_role_permission WHERE role_name = ? AND permission = ?")) {
                s.setString(1, role);
                s.setString(2, permission);
                s.executeUpdate();
            }
        });
    }

    @Override
    public Set<String> permissionsOf(Set<String> roles) {
        if (roles.isEmpty()) {
            return Set.of();
        }
        return read("read permissions", c -> permissionsOf(c, roles));
    }

    private static Set<String> permissionsOf(Connection c, Set<String> roles) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT permission FROM intelliproxy_role_permission WHERE role_name = ?")) {
            for (String role : roles) {
                s.setString(1, role);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(r.getString(1));
                    }
                }
            }
        }
        return out;
    }

    private static Set<String> rolesOf(Connection c, String user) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT role_name FROM intelliproxy_user_role WHERE user_name = ?")) {
            s.setString(1, user);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        }
        return out;
    }

    private static void checkRolesExist(Connection c, Set<String> roles) throws SQLException {
        Set<String> missing = new HashSet<>();
        for (String role : roles) {
            if (!exists(c, "SELECT 1 FROM intelliproxy_role WHERE name = ?", role)) {
                missing.add(role);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("No such role: " + new TreeSet<>(missing));
        }
    }

    private static void insertRoles(Connection c, String user, Set<String> roles) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO intelliproxy_user_role (user_name, role_name) VALUES (?, ?)")) {
            for (String role : new TreeSet<>(roles)) {
                s.setString(1, user);
                s.setString(2, role);
                s.executeUpdate();
            }
        }
    }

    private void updateUser(Connection c, String name, String assignment, Object value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE intelliproxy_user SET " + assignment + ", updated_at = ? WHERE name = ?")) {
            s.setObject(1, value);
            s.setLong(2, clock.millis());
            s.setString(3, name);
            if (s.executeUpdate() == 0) {
                throw new IllegalArgumentException("No user '" + name + "'");
            }
        }
    }

    private void touch(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE intelliproxy_user SET updated_at = ? WHERE name = ?")) {
            s.setLong(1, clock.millis());
            s.setString(2, name);
            s.executeUpdate();
        }
    }

    private static boolean exists(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new RepositoryException("Could not " + what + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code change} in one transaction: committed when it returns, rolled back when it throws. */
    private void write(String what, Transactions.Change change) {
        try {
            Transactions.inTransaction(dataSource, change);
        } catch (SQLException e) {
            throw new RepositoryException("Could not " + what + ": " + e.getMessage(), e);
        }
    }
}
