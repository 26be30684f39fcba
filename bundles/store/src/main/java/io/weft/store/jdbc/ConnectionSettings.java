package io.weft.store.jdbc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

import io.weft.api.store.Database;

/**
 * One database's validated connection settings. Built only through {@link Builder#build()}, which refuses
 * every malformed value with a message naming the property, so nothing is opened with half-valid input.
 *
 * @param name the database's name ({@link Database#NAME_PATTERN})
 * @param derbyFolder embedded Derby: the database's folder; otherwise {@code null}
 * @param database network Derby: the database name or path on the server; MySQL: the schema
 * @param url MySQL only, optional: a full {@code jdbc:mariadb:} / {@code jdbc:mysql:} URL overriding
 *        host, port and database
 */
public record ConnectionSettings(String name, DatabaseType type, Path derbyFolder, String host, int port,
        String database, String url, String user, String password, int maximumPoolSize, int minimumIdle,
        Duration connectionTimeout) {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.:\\-]{0,252}");
    /** A schema or Derby database name, or (network Derby) an absolute path on the server. */
    private static final Pattern DATABASE = Pattern.compile("/?[A-Za-z0-9_][A-Za-z0-9_\\-/]{0,200}");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_.\\-@]{1,80}");
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");

    public ConnectionSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
    }

    public static Builder builder(String name, DatabaseType type) {
        return new Builder(name, type);
    }

    /** Where this database is, for logs and health: never shows the password. */
    public String describe() {
        return switch (type) {
            case EMBEDDED_DERBY -> "embedded Derby " + derbyFolder;
            case NETWORK_DERBY -> "jdbc:derby://" + host + ":" + port + "/" + database
                    + (user.isEmpty() ? "" : " as " + user);
            case MYSQL -> (url.isEmpty() ? "jdbc:mariadb://" + host + ":" + port + "/" + database
                    : PASSWORD_IN_URL.matcher(url).replaceAll("$1***")) + (user.isEmpty() ? "" : " as " + user);
        };
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + name + ", " + describe() + "]";
    }

    /** Collects raw configuration values; {@link #build()} validates them all. */
    public static final class Builder {
        private final String name;
        private final DatabaseType type;
        private Path derbyFolder;
        private String host = "127.0.0.1";
        private int port;
        private String database = "";
        private String url = "";
        private String user = "";
        private String password = "";
        private int maximumPoolSize = 10;
        private int minimumIdle = 1;
        private Duration connectionTimeout = Duration.ofSeconds(10);

        private Builder(String name, DatabaseType type) {
            this.name = name;
            this.type = type;
        }

        /** Embedded Derby: the folder holding every database of the node ({@code data/derby}). */
        public Builder derbyRoot(Path root) {
            this.derbyFolder = root == null ? null : root.resolve(name == null ? "" : name);
            return this;
        }

        public Builder host(String host) {
            this.host = trim(host);
            return this;
        }

        /** 0 means the type's default port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Empty means the database's name. */
        public Builder database(String database) {
            this.database = trim(database);
            return this;
        }

        public Builder url(String url) {
            this.url = trim(url);
            return this;
        }

        public Builder user(String user) {
            this.user = trim(user);
            return this;
        }

        public Builder password(String password) {
            this.password = password == null ? "" : password;
            return this;
        }

        public Builder pool(int maximumPoolSize, int minimumIdle) {
            this.maximumPoolSize = maximumPoolSize;
            this.minimumIdle = minimumIdle;
            return this;
        }

        public Builder connectionTimeout(Duration connectionTimeout) {
            this.connectionTimeout = connectionTimeout;
            return this;
        }

        /** @throws IllegalArgumentException naming the first bad property and why */
        public ConnectionSettings build() {
            if (name == null || !Database.NAME_PATTERN.matcher(name).matches()) {
                throw new IllegalArgumentException("name '" + name + "' is not a database name: use a lower-case"
                        + " letter then lower-case letters, digits or '_' (at most 48)");
            }
            if (type == null) {
                throw new IllegalArgumentException("type of database '" + name + "' is missing");
            }
            if (type == DatabaseType.EMBEDDED_DERBY && derbyFolder == null) {
                throw new IllegalArgumentException("database '" + name + "': no folder for embedded Derby");
            }
            String db = database.isEmpty() ? name : database;
            if (type != DatabaseType.EMBEDDED_DERBY && url.isEmpty()) {
                require(HOST.matcher(host).matches(), "host", host);
                require(DATABASE.matcher(db).matches() && !db.contains(".."), "database", db);
            }
            int effectivePort = port == 0 ? type.defaultPort() : port;
            if (type != DatabaseType.EMBEDDED_DERBY) {
                require(effectivePort > 0 && effectivePort < 65536, "port", String.valueOf(port));
            }
            if (!url.isEmpty()) {
                require(type == DatabaseType.MYSQL, "url (only for type mysql)", url);
                require(url.startsWith("jdbc:mariadb://") || url.startsWith("jdbc:mysql://"), "url", url);
            }
            if (!user.isEmpty()) {
                require(USER.matcher(user).matches(), "user", user);
            }
            require(maximumPoolSize >= 1 && maximumPoolSize <= 1000, "maximumPoolSize",
                    String.valueOf(maximumPoolSize));
            require(minimumIdle >= 0 && minimumIdle <= maximumPoolSize, "minimumIdle", String.valueOf(minimumIdle));
            require(connectionTimeout.toMillis() >= 250, "connectionTimeoutMillis (at least 250)",
                    String.valueOf(connectionTimeout.toMillis()));
            return new ConnectionSettings(name, type, derbyFolder, host, effectivePort, db, url, user, password,
                    maximumPoolSize, minimumIdle, connectionTimeout);
        }

        private void require(boolean ok, String property, String value) {
            if (!ok) {
                throw new IllegalArgumentException("database '" + name + "': " + property + " '" + value
                        + "' is not valid");
            }
        }

        private static String trim(String s) {
            return s == null ? "" : s.trim();
        }
    }
}
