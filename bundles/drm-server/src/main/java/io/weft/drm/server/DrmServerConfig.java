package io.weft.drm.server;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of a drmdata node, PID {@code io.weft.drm.server}. Only nodes of the drm role have it.
 * Every value applies without a restart: a changed port rebinds, the others apply to what comes next.
 */
@ObjectClassDefinition(
        name = "Weft drmdata",
        description = "DRM server: client long connections (9880), drmdata sync (9870), HTTP pull, /checkService.")
public @interface DrmServerConfig {

    @AttributeDefinition(name = "Client port", description = "Long connections of DRM clients (DRM-3).",
            min = "0", max = "65535")
    int clientPort() default 9880;

    @AttributeDefinition(name = "Sync port", description = "drmdata to drmdata and console to drmdata (publish,"
            + " relay, holders).", min = "0", max = "65535")
    int syncPort() default 9870;

    @AttributeDefinition(name = "Bind address", description = "Address both ports listen on; 0.0.0.0 for every"
            + " interface.")
    String bindAddress() default "127.0.0.1";

    @AttributeDefinition(name = "Advertised host", description = "Address peers, clients, the console and ACVIP"
            + " reach this node at; with the client port it is the node's id.")
    String advertisedHost() default "127.0.0.1";

    @AttributeDefinition(name = "Pull base URL", description = "Base URL of this node's HTTP pull interface as"
            + " clients reach it (clients append /drm/pull), e.g. http://10.0.0.5:8880.")
    String pullBaseUrl() default "http://127.0.0.1:8880";

    @AttributeDefinition(name = "Pull HTTP instance", description = "Name of the Felix HTTP instance serving"
            + " /drm/pull (org.apache.felix.http.name of its configuration).")
    String httpInstance() default "drm";

    @AttributeDefinition(name = "checkService HTTP instance", description = "Name of the Felix HTTP instance"
            + " serving /checkService (port 9500 in the drm role).")
    String checkServiceHttpInstance() default "drmcheck";

    @AttributeDefinition(name = "Data center", description = "This node's data center: clients of the same one"
            + " pull from it first.")
    String dataCenter() default "dc1";

    @AttributeDefinition(name = "Zone", description = "This node's zone (unit); may be empty.")
    String zone() default "";

    @AttributeDefinition(name = "Client heartbeat (s)", description = "How often clients report the versions they"
            + " hold (DRM-10); a client silent for three periods is disconnected.", min = "1")
    int heartbeatSeconds() default 30;

    @AttributeDefinition(name = "Signature required", description = "Whether clients must sign their registration"
            + " with an OSP AccessKey of their instance (DRM-12).")
    boolean signatureRequired() default true;

    @AttributeDefinition(name = "Unsigned from loopback", description = "Accept an unsigned client connecting from"
            + " this host (127.0.0.0/8, ::1) even when signatures are required; app-auth.log marks it unsigned.")
    boolean unsignedFromLoopback() default true;

    @AttributeDefinition(name = "Maximum frame (bytes)", description = "Largest frame accepted on both ports; a"
            + " larger one closes that connection.", min = "1024")
    int maxFrameBytes() default 1 << 20;

    @AttributeDefinition(name = "Maximum connections", description = "Client connections this node holds; more"
            + " are refused (the client goes to another node).", min = "1")
    int maxConnections() default 20000;

    @AttributeDefinition(name = "Maximum attributes per client", description = "Attributes one connection may"
            + " listen to.", min = "1")
    int maxAttributesPerClient() default 5000;

    @AttributeDefinition(name = "Ack timeout (ms)", description = "A notification not acknowledged within this"
            + " time is logged as failed in drmdata-push.log; the client's heartbeat repairs it.", min = "1")
    long ackTimeoutMillis() default 10000;

    @AttributeDefinition(name = "Catch-up period (ms)", description = "How often the node reads the database's"
            + " changes it may have missed.", min = "10")
    long catchUpMillis() default 1000;

    @AttributeDefinition(name = "Node heartbeat (s)", description = "How often this node writes its liveness row"
            + " and reads its peers'.", min = "1")
    int nodeHeartbeatSeconds() default 5;

    @AttributeDefinition(name = "Node live (s)", description = "A node whose row is older counts as down.",
            min = "2")
    int nodeLiveSeconds() default 15;

    @AttributeDefinition(name = "Pull token (s)", description = "Validity of the pull tokens handed to clients"
            + " (renewed at every heartbeat).", min = "60")
    int pullTokenSeconds() default 900;

    @AttributeDefinition(name = "Monitor interval (s)", description = "How often drm-monitor.log and"
            + " drmdata-threadpool.log are written.", min = "1")
    int monitorIntervalSeconds() default 60;

    @AttributeDefinition(name = "ACVIP endpoints", description = "ACVIP nodes to register this node's client"
            + " address with (comma separated, e.g. http://10.0.0.1:9003). Empty: only an ACVIP in this same node"
            + " lists it.")
    String acvipEndpoints() default "";

    @AttributeDefinition(name = "ACVIP instance", description = "The OSP instance of the AccessKey below.")
    String acvipInstanceId() default "default";

    @AttributeDefinition(name = "ACVIP AccessKey", description = "AccessKey signing registrations with remote"
            + " ACVIP nodes; empty: unsigned.")
    String acvipAccessKey() default "";

    @AttributeDefinition(name = "ACVIP SecretKey", description = "SecretKey of that AccessKey.",
            type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String acvipSecretKey() default "";

    @AttributeDefinition(name = "Database target", description = "Filter selecting the database of the DRM tables.")
    String database_target() default "(weft.database=weft)";
}
