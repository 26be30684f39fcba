package io.weft.auth.intelliproxy;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.nio.charset.StandardCharsets;

import io.weft.auth.intelliproxy.access.AccessPolicy;
import io.weft.auth.intelliproxy.admin.UserAdmin;
import io.weft.auth.intelliproxy.console.ConsoleGate;
import io.weft.auth.intelliproxy.login.LoginService;
import io.weft.auth.intelliproxy.login.LoginThrottle;
import io.weft.auth.intelliproxy.password.PasswordGenerator;
import io.weft.auth.intelliproxy.password.PasswordHasher;
import io.weft.auth.intelliproxy.session.SessionStore;
import io.weft.auth.intelliproxy.store.JdbcUserRepository;
import io.weft.auth.intelliproxy.store.SchemaInstaller;
import io.weft.testing.MutableClock;

/**
 * intelliproxy wired as the component wires it, on in-memory Derby and a hand-moved clock, with
 * users {@code root} (admin) and {@code watcher} (viewer). Argon2id runs with small parameters here
 * only to keep tests quick; PasswordHasherTest covers the defaults.
 */
public final class Fixture {

    public static final String ADMIN_PASSWORD = "admin-password-1";
    public static final String VIEWER_PASSWORD = "viewer-password-1";

    public final MutableClock clock = new MutableClock();
    public final TestDatabase database = new TestDatabase();
    public final JdbcUserRepository users;
    public final PasswordHasher hasher = new PasswordHasher(64, 1, 1);
    public final SessionStore sessions = new SessionStore(clock, Duration.ofMinutes(30), 100);
    public final LoginThrottle throttle = new LoginThrottle(clock, 3, Duration.ofMinutes(5));
    public final LoginService logins;
    public final AccessPolicy policy;
    public final UserAdmin admin;
    public final ConsoleGate gate;

    public Fixture() {
        SchemaInstaller.ensureSchema(database);
        users = new JdbcUserRepository(database, clock);
        logins = new LoginService(users, hasher, throttle, sessions);
        policy = new AccessPolicy(logins, new AccessPolicy.Settings(true, false));
        admin = new UserAdmin(users, hasher, new PasswordGenerator(), sessions);
        gate = new ConsoleGate(logins, "/system/console");
        admin.create("root", List.of("admin"), ADMIN_PASSWORD.toCharArray());
        admin.create("watcher", List.of("viewer"), VIEWER_PASSWORD.toCharArray());
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
