package io.weft.store;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code io.weft.store.derbyserver}: present only on the node that serves a shared Derby database. */
@ObjectClassDefinition(
        name = "Weft Derby network server",
        description = "Serves the Derby databases under this node's data/derby to other nodes (their"
                + " io.weft.store.database configurations of type network-derby). Derby's network server has"
                + " no authentication configured here: bind it to a private address only.")
public @interface DerbyServerConfig {

    @AttributeDefinition(name = "Host", required = false,
            description = "Address to listen on; empty means the node's weft.bind.address.")
    String host() default "";

    @AttributeDefinition(name = "Port", min = "1", max = "65535")
    int port() default 1527;
}
