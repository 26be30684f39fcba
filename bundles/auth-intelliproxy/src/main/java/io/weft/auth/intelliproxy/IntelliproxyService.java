package io.weft.auth.intelliproxy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Dictionary;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.api.auth.AccessGuard;
import io.weft.api.auth.Decision;
import io.weft.api.store.Database;
import io.weft.api.store.MigrationException;
import io.weft.auth.intelliproxy.access.AccessPolicy;
import io.weft.auth.intelliproxy.admin.BootstrapAdmin;
import io.weft.auth.intelliproxy.admin.UserAdmin;
import io.weft.auth.intelliproxy.console.ConsoleGate;
import io.weft.auth.intelliproxy.login.LoginService;
import io.weft.auth.intelliproxy.login.LoginThrottle;
import io.weft.auth.intelliproxy.password.PasswordGenerator;
import io.weft.auth.intelliproxy.password.PasswordHasher;
import io.weft.auth.intelliproxy.session.SessionStore;
import io.weft.auth.intelliproxy.store.JdbcUserRepository;

/**
 * intelliproxy's core: the {@link AccessGuard} service, and (as {@code IntelliproxyService}, for this
 * bundle's console provider, Users page and shell commands) login and user management.
 *
 * <p>Needs the node's database ({@code Database} with {@code weft.database=weft}, or whatever the
 * configuration's {@code database.target} filter names); brings its tables up to date with the store's
 * migrations ({@code db/migration/intelliproxy}) and, on the first start, creates the administrator
 * from the Web Console's seeded credentials.
 * Its configuration is published as service properties, so the console provider's reference
 * {@code (!(enabled=false))} drops it when intelliproxy is switched off and the Web Console's own login
 * takes over. Sessions live in memory: a restart of this component logs every console user out.
 */
@Component(
        service = {AccessGuard.class, IntelliproxyService.class},
        configurationPid = IntelliproxyService.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = IntelliproxyConfig.class)
public final class IntelliproxyService implements AccessGuard {

    static final String PID = "io.weft.auth.intelliproxy";
    static final String WEBCONSOLE_PID = "org.apache.felix.webconsole.internal.servlet.OsgiManager";
    static final String MIGRATION_OWNER = "intelliproxy";
    static final String MIGRATIONS = "db/migration/intelliproxy";
    private static final int MAX_SESSIONS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(IntelliproxyService.class);

    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private final AccessPolicy policy;
    private final UserAdmin admin;
    private final ConsoleGate gate;

    @Activate
    public IntelliproxyService(
            @Reference(name = "database", target = "(weft.database=weft)") Database database,
            @Reference(name = "configurationAdmin") ConfigurationAdmin configAdmin,
            IntelliproxyConfig config) throws MigrationException {
        Clock clock = Clock.systemUTC();
        int applied = database.migrate(MIGRATION_OWNER, getClass().getClassLoader(), MIGRATIONS);
        if (applied > 0) {
            LOG.info("Applied {} intelliproxy schema migration(s)", applied);
        }
        JdbcUserRepository users = new JdbcUserRepository(database.dataSource(), clock);
        PasswordHasher hasher = new PasswordHasher();
        bootstrap(users, hasher, configAdmin);
        sessions = new SessionStore(clock, sessionTimeout(config), MAX_SESSIONS);
        throttle = new LoginThrottle(clock, Math.max(1, config.maxFailedLogins()),
                Duration.ofSeconds(Math.max(0, config.failedLoginLockoutSeconds())));
        LoginService logins = new LoginService(users, hasher, throttle, sessions);
        policy = new AccessPolicy(logins, settings(config));
        admin = new UserAdmin(users, hasher, new PasswordGenerator(), sessions);
        gate = new ConsoleGate(logins, config.consoleRoot());
        LOG.info("intelliproxy started: enabled={}, sessionTimeout={}, opsRequireLoginFromLoopback={}",
                config.enabled(), sessionTimeout(config), config.opsRequireLoginFromLoopback());
    }

    @Modified
    void modified(IntelliproxyConfig config) {
        sessions.setTimeout(sessionTimeout(config));
        throttle.configure(Math.max(1, config.maxFailedLogins()),
                Duration.ofSeconds(Math.max(0, config.failedLoginLockoutSeconds())));
        policy.configure(settings(config));
        gate.setRoot(config.consoleRoot());
        LOG.info("intelliproxy reconfigured: enabled={}, sessionTimeout={}, opsRequireLoginFromLoopback={}",
                config.enabled(), sessionTimeout(config), config.opsRequireLoginFromLoopback());
    }

    @Deactivate
    void deactivate() {
        sessions.clear();
    }

    @Override
    public Decision checkOps(String remoteAddress, String authorization, String permission) {
        return policy.checkOps(remoteAddress, authorization, permission);
    }

    @Override
    public Decision check(String remoteAddress, String authorization, String permission) {
        return policy.check(remoteAddress, authorization, permission);
    }

    public UserAdmin users() {
        return admin;
    }

    public ConsoleGate consoleGate() {
        return gate;
    }

    private static void bootstrap(JdbcUserRepository users, PasswordHasher hasher, ConfigurationAdmin configAdmin) {
        String username = null;
        String password = null;
        try {
            Configuration[] found = configAdmin.listConfigurations("(service.pid=" + WEBCONSOLE_PID + ")");
            if (found != null && found.length > 0 && found[0].getProperties() != null) {
                Dictionary<String, Object> p = found[0].getProperties();
                username = p.get("username") != null ? p.get("username").toString() : null;
                password = p.get("password") != null ? p.get("password").toString() : null;
            }
        } catch (IOException | InvalidSyntaxException e) {
            LOG.error("Could not read the Web Console's configuration for the first administrator", e);
        }
        BootstrapAdmin.ensure(users, hasher, username, password);
    }

    private static Duration sessionTimeout(IntelliproxyConfig config) {
        return Duration.ofMinutes(Math.max(1, config.sessionTimeoutMinutes()));
    }

    private static AccessPolicy.Settings settings(IntelliproxyConfig config) {
        return new AccessPolicy.Settings(config.enabled(), config.opsRequireLoginFromLoopback());
    }
}
