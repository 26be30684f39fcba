package io.weft.registry.session;

import io.weft.registry.session.connection.ClientLimits;
import io.weft.registry.protocol.RegistryPorts;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of a session server, PID {@code io.weft.registry.session}. Only nodes of the registry-session
 * role have it. The advertised host and the HTTP instance apply at once; any other change restarts the client
 * port (and, in a cluster, the session's link to the meta and data servers), and its clients reconnect and
 * register again by themselves (RCP-14).
 */
@ObjectClassDefinition(
        name = "Weft registry session server",
        description = "SessionServer: the SOFARegistry client port (9600), its ops HTTP API (9603) and the console feed (9601).")
public @interface SessionServerConfig {

    @AttributeDefinition(name = "Client port", description = "Bolt port of registry clients (RCP-1); 0 for any"
            + " free port.", min = "0", max = "65535")
    int port() default SessionOptions.DEFAULT_PORT;

    @AttributeDefinition(name = "Bind address", description = "Address the client port listens on; 0.0.0.0 for"
            + " every interface.")
    String bindAddress() default "127.0.0.1";

    @AttributeDefinition(name = "Advertised host", description = "Address clients reach the client port at: what"
            + " /api/servers/query answers (RCP-16) and what ACVIP lists.")
    String advertisedHost() default "127.0.0.1";

    @AttributeDefinition(name = "HTTP instance", description = "Name of the Felix HTTP instance serving the ops"
            + " API and discovery (org.apache.felix.http.name of its configuration; port 9603 in the role).")
    String httpInstance() default "registry-session";

    @AttributeDefinition(name = "Console HTTP instance", description = "Name of the Felix HTTP instance serving the"
            + " console feed, GET /console/snapshot (REG-91, decision record 0022; port 9601 in the role). It gets every"
            + " path of that instance.")
    String consoleHttpInstance() default "registry-console";

    @AttributeDefinition(name = "Data center", description = "This session's data center: the segment of its"
            + " pushes and the only one clients are told of (RCP-9, RCP-11).")
    String dataCenter() default SessionOptions.DEFAULT_DATA_CENTER;

    @AttributeDefinition(name = "Zone", description = "Zone of registrations that name none.")
    String zone() default SessionOptions.DEFAULT_ZONE;

    @AttributeDefinition(name = "Signature required", description = "Whether registrations must carry a valid OSP"
            + " AccessKey signature (REG-90); needs a signature verifier on the node.")
    boolean signatureRequired() default false;

    @AttributeDefinition(name = "Maximum payload (bytes)", description = "Largest request body read; a larger one"
            + " is answered with an error and the connection stays.", min = "1024")
    int maxPayloadBytes() default ClientLimits.DEFAULT_MAX_PAYLOAD_BYTES;

    @AttributeDefinition(name = "Maximum frame (bytes)", description = "Largest Bolt frame a client may announce"
            + " (header, class name, header map and body); a larger one closes its connection before it is read."
            + " At least the maximum payload, with room for the class name.", min = "1024")
    int maxFrameBytes() default ClientLimits.DEFAULT_MAX_FRAME_BYTES;

    @AttributeDefinition(name = "New connections per address and second", description = "New connections one"
            + " address may open in a second; the ones beyond are closed at once (a reconnect loop or a flood). A"
            + " reconnecting client opens one; clients behind one NAT address share the budget.", min = "1")
    int maxNewConnectionsPerIpPerSecond() default ClientLimits.DEFAULT_MAX_NEW_CONNECTIONS_PER_IP_PER_SECOND;

    @AttributeDefinition(name = "Maximum client connections", description = "Client connections open at once;"
            + " new ones beyond are closed at once.", min = "1")
    int maxConnections() default ClientLimits.DEFAULT_MAX_CONNECTIONS;

    @AttributeDefinition(name = "Push timeout (ms)", description = "How long a client has to acknowledge a push.",
            min = "1")
    int pushTimeoutMillis() default 3000;

    @AttributeDefinition(name = "Push coalescing (ms)", description = "Changes within this window become one push"
            + " per connection and datum.", min = "0")
    long pushCoalesceMillis() default 5;

    @AttributeDefinition(name = "Push retry (ms)", description = "Delay before a failed push is tried again.",
            min = "0")
    long pushRetryMillis() default 1000;

    @AttributeDefinition(name = "Sync config retry (ms)", description = "When clients should send their next"
            + " SyncConfigRequest (RCP-9).", min = "1")
    int syncConfigRetryMillis() default 30_000;

    @AttributeDefinition(name = "Restart hand-over (ms)", description = "When the session stops while the node"
            + " keeps running (a bundle upgrade or refresh, a changed option), how long its clients' connections stay"
            + " open after its client port closed. The next session listens by then, so the clients reconnect to it"
            + " on their first try instead of waiting 5-10 s for their next one. A registration sent meanwhile is"
            + " acknowledged and not applied (in the last 50 ms not answered): the client registers everything again"
            + " after reconnecting. 0"
            + " closes them with the port; a node that shuts down closes them at once (see the shutdown bounce)"
            + " (decision record 0023).",
            min = "0")
    long restartHandoverMillis() default 1000;

    @AttributeDefinition(name = "Shutdown bounce (ms)", description = "When the node shuts down in a cluster whose"
            + " meta servers name other sessions: how long at most its client port goes on accepting after it closed"
            + " every client connection, closing each new one again 100 ms later unanswered, so that a client which"
            + " picked this session again picks another at once instead of sleeping 0-5 s after a refused attempt."
            + " Ends earlier, once no client came back for 600 ms; not at all if no client is connected. 0 closes the"
            + " port at once (decision record 0026).",
            min = "0")
    long shutdownBounceMillis() default 4000;

    @AttributeDefinition(name = "Meta servers", description = "The registry meta servers' session port,"
            + " comma-separated host:9610 (a host alone gets 9610). The session heartbeats to the meta leader, follows"
            + " its push switch and persistent data, and hands publications to the data servers (decision record"
            + " 0021). Empty: a session alone that holds its clients' publications itself and has its own push"
            + " switch, with no meta or data server (decision record 0019).")
    String metaServers() default "127.0.0.1:" + RegistryPorts.META_FOR_SESSIONS;

    @AttributeDefinition(name = "Meta heartbeat (ms)", description = "How often the session heartbeats to the meta"
            + " leader and learns the slot table, the push switch and the persistent data (cluster only).", min = "1")
    long heartbeatMillis() default ClusterOptions.DEFAULT_HEARTBEAT_MILLIS;

    @AttributeDefinition(name = "Data lease renewal (ms)", description = "How often the session renews its lease"
            + " on each data server (REG-34) and re-reads the versions of the datums its subscribers hold, so a lost"
            + " change notice costs at most this long (cluster only).", min = "1")
    long renewMillis() default ClusterOptions.DEFAULT_RENEW_MILLIS;

    @AttributeDefinition(name = "Data request timeout (ms)", description = "How long a call to a data or meta server"
            + " waits for its reply (cluster only).", min = "1")
    int dataRequestTimeoutMillis() default ClusterOptions.DEFAULT_DATA_REQUEST_TIMEOUT_MILLIS;

    @AttributeDefinition(name = "Own data server in-process", description = "Whether the session calls the data"
            + " server of its own node (roles registry-data and registry-session in one node) in-process: requests,"
            + " replies and change notices handed over as objects instead of Bolt and Hessian over loopback. The"
            + " other data servers are called over Bolt whatever this says. false: every data server over Bolt, as"
            + " from another node (decision record 0025).")
    boolean dataInProcess() default true;

    @AttributeDefinition(name = "Console log period (s)", description = "How often registry-console.log gets the"
            + " pub, sub and connection counts (OPS-22).", min = "1")
    int consoleLogSeconds() default 60;
}
