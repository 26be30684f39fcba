package io.weft.store;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** One database of the node: factory PID {@code io.weft.store.database}, one configuration per database. */
@ObjectClassDefinition(
        name = "Weft database",
        description = "A named database the node's bundles store their data in. Embedded Derby (files under"
                + " data/derby/<name>) unless another type is chosen.")
public @interface DatabaseConfig {

    @AttributeDefinition(name = "Name",
            description = "Consumers find the database by this name (service property weft.database). A"
                    + " lower-case letter, then lower-case letters, digits or '_'.")
    String name() default "weft";

    @AttributeDefinition(name = "Type", options = {
            @Option(value = "embedded-derby", label = "Embedded Derby (this node only)"),
            @Option(value = "network-derby", label = "Network Derby (a node running the Derby network server)"),
            @Option(value = "mysql", label = "MySQL / MariaDB")})
    String type() default "embedded-derby";

    @AttributeDefinition(name = "Host", description = "Network Derby and MySQL: the database server's address.")
    String host() default "127.0.0.1";

    @AttributeDefinition(name = "Port", description = "0 means the type's default: 1527 (Derby), 3306 (MySQL).",
            min = "0", max = "65535")
    int port() default 0;

    @AttributeDefinition(name = "Database", required = false,
            description = "Network Derby: the database on the server (relative to the server's data/derby);"
                    + " MySQL: the schema. Empty means the name above.")
    String database() default "";

    @AttributeDefinition(name = "JDBC URL", required = false,
            description = "MySQL only, optional: a full jdbc:mariadb:// or jdbc:mysql:// URL with driver"
                    + " options; replaces host, port and database.")
    String url() default "";

    @AttributeDefinition(name = "User", required = false)
    String user() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(name = "Maximum pool size", min = "1", max = "1000")
    int maximumPoolSize() default 10;

    @AttributeDefinition(name = "Minimum idle connections", min = "0")
    int minimumIdle() default 1;

    @AttributeDefinition(name = "Connection timeout (ms)",
            description = "How long opening or borrowing a connection may wait before it fails.", min = "250")
    long connectionTimeoutMillis() default 10000;

    @AttributeDefinition(name = "Longest retry delay (s)",
            description = "While the database is unreachable it is retried after 1 s, then twice as long each"
                    + " time, up to this.", min = "1")
    long retryMaxDelaySeconds() default 60;
}
