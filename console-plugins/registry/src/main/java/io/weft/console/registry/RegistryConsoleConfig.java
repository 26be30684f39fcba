package io.weft.console.registry;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the registry page, PID {@code io.weft.console.registry}; a change applies at once. */
@ObjectClassDefinition(name = "Weft console: registry",
        description = "Where the registry page reads the services (the sessions' console feed, REG-91) and writes"
                + " governance overrides (the meta servers, REG-66).")
public @interface RegistryConsoleConfig {

    @AttributeDefinition(name = "Session feeds", description = "The sessions' console ports, comma-separated"
            + " host[:port] (port: the feed port). Empty: the sessions the meta servers list.")
    String sessionServers() default "";

    @AttributeDefinition(name = "Feed port", description = "The sessions' console port (9601 in the seed).",
            min = "1", max = "65535")
    int feedPort() default 9601;

    @AttributeDefinition(name = "Meta servers", description = "The meta servers' ops HTTP, comma-separated"
            + " host[:port] (default port 9615): the session list, and where overrides are written (the leader"
            + " is found by trying them in order).")
    String metaServers() default "127.0.0.1";

    @AttributeDefinition(name = "Meta user", description = "Console user the page logs in as on the meta servers"
            + " when it writes overrides (HTTP Basic): a user of the meta's node holding"
            + " registry.persistent-data.write. Needed when a meta runs on another host; empty: no login, which"
            + " a meta accepts only from its own host.")
    String metaUser() default "";

    @AttributeDefinition(name = "Meta password", description = "Password of the meta user.",
            type = AttributeType.PASSWORD)
    String metaPassword() default "";

    @AttributeDefinition(name = "Poll period (ms)", description = "How old the shown registrations may be: the"
            + " page reads every session's feed again when it is asked for later than this after the last read."
            + " Nothing is read while nobody opens the page.", min = "100")
    long pollMillis() default 5000;

    @AttributeDefinition(name = "Request timeout (ms)", description = "How long a call to a session or a meta"
            + " server may take.", min = "1")
    long requestTimeoutMillis() default 5000;

    @AttributeDefinition(name = "Largest snapshot (bytes)", description = "A session's snapshot larger than this"
            + " is refused (about 300 bytes per registration).", min = "1024")
    int maxSnapshotBytes() default 64 * 1024 * 1024;
}
