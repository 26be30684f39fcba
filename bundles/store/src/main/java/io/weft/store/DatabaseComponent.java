package io.weft.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.api.health.Health;
import io.weft.api.health.HealthIndicator;
import io.weft.api.store.Database;
import io.weft.store.database.Backoff;
import io.weft.store.database.DatabaseConnector;
import io.weft.store.database.StoreDatabase;
import io.weft.store.derby.DerbySystem;
import io.weft.store.jdbc.ConnectionSettings;
import io.weft.store.jdbc.DatabaseType;

/**
 * One configured database: registers {@link Database} and {@link DataSource} services with
 * {@code weft.database=<name>} once the database is reachable, and a {@link HealthIndicator} at once.
 *
 * <p>The services are registered by hand, not declared, because they must wait for a connection made on
 * the connector's thread: activation itself returns at once. A changed configuration deactivates and
 * activates again (new pool, services re-registered), since every property affects the connection.
 */
@Component(
        configurationPid = DatabaseComponent.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true,
        service = {})
@Designate(ocd = DatabaseConfig.class, factory = true)
public final class DatabaseComponent {

    static final String FACTORY_PID = "io.weft.store.database";
    static final String HOME_PROPERTY = "weft.home";

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseComponent.class);

    private final BundleContext context;
    private final ConnectionSettings settings;
    private final DatabaseConnector connector;
    private final ServiceRegistration<HealthIndicator> healthRegistration;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private final Object lock = new Object();
    /** Guarded by lock. */
    private boolean deactivated;

    @Activate
    public DatabaseComponent(BundleContext context, DatabaseConfig config) {
        this.context = context;
        Path home = nodeHome(context);
        try {
            this.settings = settingsOf(config, home);
        } catch (IllegalArgumentException e) {
            LOG.error("Configuration {} refused: {}", FACTORY_PID, e.getMessage());
            throw e;
        }
        if (settings.type() == DatabaseType.EMBEDDED_DERBY) {
            DerbySystem.configure(home);
        }
        this.connector = new DatabaseConnector(settings,
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(Math.max(1, config.retryMaxDelaySeconds()))),
                this::register);
        this.healthRegistration = context.registerService(HealthIndicator.class, new DatabaseHealth(), null);
        connector.start();
    }

    @Deactivate
    void deactivate() {
        connector.close();
        List<ServiceRegistration<?>> toRemove;
        synchronized (lock) {
            deactivated = true;
            toRemove = new ArrayList<>(registrations);
            registrations.clear();
        }
        toRemove.forEach(DatabaseComponent::unregisterQuietly);
        unregisterQuietly(healthRegistration);
        StoreDatabase database = connector.database();
        if (database != null) {
            database.close();
        }
    }

    /** On the connector's thread, once. */
    private void register(StoreDatabase database) {
        synchronized (lock) {
            if (deactivated) {
                return;
            }
        }
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(Database.NAME_PROPERTY, settings.name());
        props.put("weft.database.type", settings.type().configValue());
        List<ServiceRegistration<?>> added = List.of(
                context.registerService(Database.class, database, props),
                context.registerService(DataSource.class, database.dataSource(), props));
        synchronized (lock) {
            registrations.addAll(added);
        }
    }

    static ConnectionSettings settingsOf(DatabaseConfig c, Path home) {
        return ConnectionSettings.builder(c.name(), DatabaseType.of(c.type()))
                .derbyRoot(home.resolve("data").resolve("derby"))
                .host(c.host())
                .port(c.port())
                .database(c.database())
                .url(c.url())
                .user(c.user())
                .password(c.password())
                .pool(c.maximumPoolSize(), c.minimumIdle())
                .connectionTimeout(Duration.ofMillis(c.connectionTimeoutMillis()))
                .build();
    }

    private static void unregisterQuietly(ServiceRegistration<?> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // The framework unregisters a stopping bundle's services itself.
        }
    }

    /** The launcher sets {@code weft.home}; run from elsewhere (tests, an IDE) the working directory. */
    static Path nodeHome(BundleContext context) {
        String home = context.getProperty(HOME_PROPERTY);
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.dir"));
    }

    private final class DatabaseHealth implements HealthIndicator {
        @Override
        public String name() {
            return "store-" + settings.name();
        }

        @Override
        public Health check() {
            return connector.health();
        }
    }
}
