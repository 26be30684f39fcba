package io.weft.console.registry.governance;

import io.weft.api.store.Database;
import io.weft.api.store.MigrationException;
import io.weft.api.store.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The console's {@code service_config} and {@code service_info} tables (CON-3), migrated at open by the store
 * (owner {@value #OWNER}). Thread-safe: every call takes its own connection.
 */
public final class ServiceConfigStore {

    static final String OWNER = "registry_console";
    /** A save that lost a race is run again; more than a few losses in a row is a database problem. */
    static final int SAVE_ATTEMPTS = 5;

    private final DataSource dataSource;
    private final Clock clock;

    ServiceConfigStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Brings the tables of {@code database} up to date and opens the store on it. */
    public static ServiceConfigStore open(Database database, Clock clock) throws MigrationException {
        String product;
        try (Connection c = database.dataSource().getConnection()) {
            product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new MigrationException("Cannot reach database '" + database.name()
                    + "' to migrate the registry console tables: " + e.getMessage(), e);
        }
        String folder = product.contains("derby") ? "derby" : "mysql";
        database.migrate(OWNER, ServiceConfigStore.class.getClassLoader(), "db/migration/registry_console/" + folder);
        return new ServiceConfigStore(database.dataSource(), clock);
    }

    /**
     * Saves {@code rule} for its provider (status 0 when it is in effect, 1 when withdrawn) and the service's
     * app name, in one transaction, and answers every rule of the service in effect afterwards: what the
     * service's override datum must hold. Idempotent under concurrency: saves of the same provider racing on
     * any node sharing the database all succeed, the last one committed wins.
     */
    public List<ProviderRule> save(ProviderRule rule, String appName, String operator) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            List<ProviderRule> inEffect = new ArrayList<>();
            try {
                Transactions.inTransaction(dataSource, c -> {
                    long now = clock.millis();
                    // The service's row first: once it exists, its row lock queues every save of the service,
                    // so each one reads the rules the others committed and pushes the whole set.
                    saveInfo(c, rule.instanceId(), rule.dataId(), appName, now);
                    if (update(c, rule, operator, now) == 0) {
                        insert(c, rule, operator, now);
                    }
                    inEffect.addAll(rules(c, rule.instanceId(), rule.dataId()));
                });
                return inEffect;
            } catch (SQLException e) {
                // Two first saves of one service (two operators, two consoles on one MariaDB) both find no row
                // and both insert: the later insert fails on the key, or, on InnoDB, whose empty UPDATE locks
                // the gap, one of the two is chosen as a deadlock victim. Either was rolled back whole; run
                // again, it now finds the other's rows and updates them.
                boolean lostARace = Transactions.isDuplicateKey(e) || Transactions.lostToConcurrentWriter(e);
                if (attempt >= SAVE_ATTEMPTS || !lostARace) {
                    throw e;
                }
            }
        }
    }

    /** The rules in effect (status 0) of one service, by host and port. */
    public List<ProviderRule> rules(String instanceId, String dataId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return rules(c, instanceId, dataId);
        }
    }

    private static int update(Connection c, ProviderRule rule, String operator, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE service_config SET status = ?, weight = ?, disabled = ?,"
                + " operator = ?, gmt_modified = ? WHERE instance_id = ? AND data_id = ? AND host = ? AND port = ?")) {
            s.setInt(1, rule.inEffect() ? 0 : 1);
            setWeight(s, 2, rule.weight());
            s.setInt(3, rule.disabled() ? 1 : 0);
            s.setString(4, operator);
            s.setLong(5, now);
            s.setString(6, rule.instanceId());
            s.setString(7, rule.dataId());
            s.setString(8, rule.host());
            s.setInt(9, rule.port());
            return s.executeUpdate();
        }
    }

    private static void insert(Connection c, ProviderRule rule, String operator, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO service_config (instance_id, data_id, host, port,"
                + " status, weight, disabled, config_group, operator, gmt_create, gmt_modified)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, rule.instanceId());
            s.setString(2, rule.dataId());
            s.setString(3, rule.host());
            s.setInt(4, rule.port());
            s.setInt(5, rule.inEffect() ? 0 : 1);
            setWeight(s, 6, rule.weight());
            s.setInt(7, rule.disabled() ? 1 : 0);
            s.setString(8, ProviderRule.GROUP);
            s.setString(9, operator);
            s.setLong(10, now);
            s.setLong(11, now);
            s.executeUpdate();
        }
    }

    private static void saveInfo(Connection c, String instanceId, String dataId, String appName, long now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE service_info SET app_name = ?, gmt_modified = ? WHERE instance_id = ? AND data_id = ?")) {
            s.setString(1, appName);
            s.setLong(2, now);
            s.setString(3, instanceId);
            s.setString(4, dataId);
            if (s.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO service_info (instance_id, data_id, app_name, gmt_modified) VALUES (?, ?, ?, ?)")) {
            s.setString(1, instanceId);
            s.setString(2, dataId);
            s.setString(3, appName);
            s.setLong(4, now);
            s.executeUpdate();
        }
    }

    private static List<ProviderRule> rules(Connection c, String instanceId, String dataId) throws SQLException {
        List<ProviderRule> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT host, port, disabled, weight FROM service_config"
                + " WHERE instance_id = ? AND data_id = ? AND status = 0 ORDER BY host, port")) {
            s.setString(1, instanceId);
            s.setString(2, dataId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int weight = r.getInt(4);
                    // wasNull() speaks of the last column read: ask it before reading another.
                    Integer maybeWeight = r.wasNull() ? null : weight;
                    out.add(new ProviderRule(instanceId, dataId, r.getString(1), r.getInt(2), r.getInt(3) != 0,
                            maybeWeight));
                }
            }
        }
        return out;
    }

    private static void setWeight(PreparedStatement s, int index, Integer weight) throws SQLException {
        if (weight == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, weight);
        }
    }
}
