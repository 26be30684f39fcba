package io.weft.registry.data;

import io.weft.codec.hessian.SafeHessian;
import io.weft.registry.protocol.RegistryPorts;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of a data server, PID {@code io.weft.registry.data}. Only nodes of the registry-data role have it.
 * The HTTP instance applies at once; any other change restarts the data server, which then syncs its slots again.
 */
@ObjectClassDefinition(
        name = "Weft registry data server",
        description = "DataServer: sessions' port (9620), replication port (9621), heartbeat to the meta servers"
                + " (9611) and the ops HTTP API (9622).")
public @interface DataServerConfig {

    @AttributeDefinition(name = "Session port", description = "Bolt port the session servers publish to and read"
            + " from (REG-52); 0 for any free port.", min = "0", max = "65535")
    int sessionPort() default RegistryPorts.DATA_FOR_SESSIONS;

    @AttributeDefinition(name = "Replication port", description = "Bolt port of the other data servers:"
            + " replication and slot sync (REG-53). The others find it as far from this server's session port as"
            + " theirs is from their own, so keep the same distance on every data server of a cluster (9620 and"
            + " 9621; a second data server on one host 9630 and 9631).",
            min = "0", max = "65535")
    int replicationPort() default RegistryPorts.DATA_REPLICATION;

    @AttributeDefinition(name = "Bind address", description = "Address both Bolt ports listen on; 0.0.0.0 for every"
            + " interface.")
    String bindAddress() default "127.0.0.1";

    @AttributeDefinition(name = "Advertised host", description = "Host the meta, sessions and other data servers"
            + " reach this server at: its address in the slot table is advertisedHost:sessionPort.")
    String advertisedHost() default "127.0.0.1";

    @AttributeDefinition(name = "Meta servers", description = "Comma-separated host:port of the meta servers' data"
            + " port (9611 when no port is given), e.g. 10.0.0.1:9611,10.0.0.2:9611,10.0.0.3:9611.")
    String metaServers() default "127.0.0.1:9611";

    @AttributeDefinition(name = "Data center", description = "This data server's data center, in its heartbeat.")
    String dataCenter() default DataServerOptions.DEFAULT_DATA_CENTER;

    @AttributeDefinition(name = "Zone", description = "This data server's zone, in its heartbeat.")
    String zone() default DataServerOptions.DEFAULT_ZONE;

    @AttributeDefinition(name = "HTTP instance", description = "Name of the Felix HTTP instance serving /health/check"
            + " and /digest/datum/count (org.apache.felix.http.name of its configuration; port 9622 in the role).")
    String httpInstance() default "registry-data";

    @AttributeDefinition(name = "Heartbeat (ms)", description = "Period of the heartbeat to the meta leader; the meta"
            + " evicts a data server it has not heard of for its node timeout.", min = "1")
    long heartbeatMillis() default 1000;

    @AttributeDefinition(name = "Session lease (ms)", description = "How long a session process's publishers outlive"
            + " its last renewal before they are evicted (REG-34, REG-35); sessions renew every 5 s by default.",
            min = "1")
    long leaseMillis() default 30_000;

    @AttributeDefinition(name = "Lease check (ms)", description = "How often expired session leases are looked for.",
            min = "1")
    long leaseCheckMillis() default 1000;

    @AttributeDefinition(name = "Empty datum retention (ms)", description = "How long a datum whose last publisher"
            + " went is kept, with its version, before it is forgotten. A publish after that gets a version from the"
            + " clock, which is then ahead of the forgotten one by at least this long, so keep it far above any"
            + " difference between the data servers' clocks.", min = "1")
    long emptyDatumRetentionMillis() default DataServerOptions.DEFAULT_EMPTY_DATUM_RETENTION_MILLIS;

    @AttributeDefinition(name = "Notify retries", description = "How many times a change notice to a session, or a"
            + " replication to a follower, is tried again after it failed (REG-37).", min = "0")
    int notifyRetries() default 3;

    @AttributeDefinition(name = "Notify retry pause (ms)", description = "Pause before each retry of a notice or a"
            + " replication.", min = "0")
    long notifyRetryMillis() default 1000;

    @AttributeDefinition(name = "Request timeout (ms)", description = "How long a call to a meta or another data"
            + " server waits for its reply.", min = "1")
    int requestTimeoutMillis() default 3000;

    @AttributeDefinition(name = "Maximum payload (bytes)", description = "Largest Bolt body read; a larger one is"
            + " answered with an error.", min = "1024")
    int maxPayloadBytes() default SafeHessian.DEFAULT_MAX_PAYLOAD_BYTES;

    @AttributeDefinition(name = "Maximum frame (bytes)", description = "Largest Bolt frame a session or data server"
            + " may announce on either port: header, class name, Bolt header map and body; at least the maximum"
            + " payload. A larger one closes the connection before Bolt buffers it.", min = "1024")
    int maxFrameBytes() default DataServerOptions.DEFAULT_MAX_FRAME_BYTES;

    @AttributeDefinition(name = "New connections per address and second", description = "New connections one"
            + " address may open on either port in a second; the ones beyond are closed at once (a reconnect loop or"
            + " a flood). Servers open one per peer.", min = "1")
    int maxNewConnectionsPerIpPerSecond() default DataServerOptions.DEFAULT_MAX_NEW_CONNECTIONS_PER_IP_PER_SECOND;

    @AttributeDefinition(name = "Maximum connections", description = "Connections each port holds at once; new ones"
            + " beyond are closed at once.", min = "1")
    int maxConnections() default DataServerOptions.DEFAULT_MAX_CONNECTIONS;
}
