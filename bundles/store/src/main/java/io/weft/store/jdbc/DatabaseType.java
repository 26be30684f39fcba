package io.weft.store.jdbc;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of database a configuration may name, by the value of its {@code type} property. */
public enum DatabaseType {
    /** Derby running inside this JVM on files under the node's {@code data/derby/<name>}. */
    EMBEDDED_DERBY("embedded-derby", 0),
    /** A Derby network server (started by a node's {@code io.weft.store.derbyserver} configuration). */
    NETWORK_DERBY("network-derby", 1527),
    /** MySQL or MariaDB through the MariaDB client. */
    MYSQL("mysql", 3306);

    private final String configValue;
    private final int defaultPort;

    DatabaseType(String configValue, int defaultPort) {
        this.configValue = configValue;
        this.defaultPort = defaultPort;
    }

    public String configValue() {
        return configValue;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static DatabaseType of(String configValue) {
        String value = configValue == null ? "" : configValue.trim();
        for (DatabaseType t : values()) {
            if (t.configValue.equals(value) || ("mariadb".equals(value) && t == MYSQL)) {
                return t;
            }
        }
        throw new IllegalArgumentException("type '" + configValue + "' is not one of "
                + Arrays.stream(values()).map(DatabaseType::configValue).collect(Collectors.joining(", ")));
    }
}
