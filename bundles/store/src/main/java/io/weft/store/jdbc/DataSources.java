package io.weft.store.jdbc;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.derby.jdbc.ClientDataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.mariadb.jdbc.MariaDbDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Builds the driver's own {@link DataSource} for a database and the pool over it.
 *
 * <p>Driver classes are instantiated directly rather than found through {@code DriverManager}, which in
 * OSGi only sees drivers the caller's class loader can load.
 */
public final class DataSources {

    private DataSources() {
    }

    /** The unpooled data source of the driver; nothing is connected yet. */
    public static DataSource unpooled(ConnectionSettings s) throws SQLException {
        int loginSeconds = (int) Math.max(1, s.connectionTimeout().toSeconds());
        switch (s.type()) {
            case EMBEDDED_DERBY: {
                EmbeddedDataSource ds = new EmbeddedDataSource();
                ds.setDatabaseName(s.derbyFolder().toAbsolutePath().toString());
                ds.setCreateDatabase("create");
                ds.setLoginTimeout(loginSeconds);
                return ds;
            }
            case NETWORK_DERBY: {
                ClientDataSource ds = new ClientDataSource();
                ds.setServerName(s.host());
                ds.setPortNumber(s.port());
                ds.setDatabaseName(s.database());
                ds.setCreateDatabase("create");
                if (!s.user().isEmpty()) {
                    ds.setUser(s.user());
                    ds.setPassword(s.password());
                }
                ds.setLoginTimeout(loginSeconds);
                return ds;
            }
            case MYSQL: {
                MariaDbDataSource ds = new MariaDbDataSource(mariadbUrl(s));
                if (!s.user().isEmpty()) {
                    ds.setUser(s.user());
                    ds.setPassword(s.password());
                }
                ds.setLoginTimeout(loginSeconds);
                return ds;
            }
            default:
                throw new IllegalStateException("unknown type " + s.type());
        }
    }

    /**
     * A pool over {@code unpooled} that has opened its first connection, so an unreachable database fails
     * here (Hikari's {@code PoolInitializationException}) instead of on first use.
     */
    public static HikariDataSource pooled(ConnectionSettings s, DataSource unpooled) {
        HikariConfig c = new HikariConfig();
        c.setPoolName("weft-db-" + s.name());
        c.setDataSource(unpooled);
        c.setMaximumPoolSize(s.maximumPoolSize());
        c.setMinimumIdle(s.minimumIdle());
        c.setConnectionTimeout(s.connectionTimeout().toMillis());
        c.setInitializationFailTimeout(s.connectionTimeout().toMillis());
        c.setRegisterMbeans(false);
        return new HikariDataSource(c);
    }

    /** The MariaDB client accepts {@code jdbc:mysql:} only with an extra flag; the server is the same. */
    static String mariadbUrl(ConnectionSettings s) {
        if (s.url().isEmpty()) {
            return "jdbc:mariadb://" + s.host() + ":" + s.port() + "/" + s.database();
        }
        return s.url().startsWith("jdbc:mysql://") ? "jdbc:mariadb://" + s.url().substring("jdbc:mysql://".length())
                : s.url();
    }
}
