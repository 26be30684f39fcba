package io.weft.registry.meta.node;

import io.weft.registry.meta.cluster.ClusterPorts;
import io.weft.registry.protocol.RegistryPorts;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.weft.registry.meta.raft.MetaRaftOptions;
import io.weft.registry.meta.state.SlotAssigner;

/**
 * Configuration of a meta server, PID {@code io.weft.registry.meta}. Only nodes of the registry-meta role have
 * it. A change of the HTTP instances applies at once; any other change restarts this member (its raft port and
 * JRaft node; the state is kept in the data directory), which the other members ride out as a short absence.
 */
@ObjectClassDefinition(
        name = "Weft registry meta server",
        description = "MetaServer: one member of the meta servers' raft group (port 9612), which keeps the data and"
                + " session server lists, the push switch and the persistent data, and its ops HTTP API (9615).")
public @interface MetaServerConfig {

    @AttributeDefinition(name = "Raft port", description = "Port the meta servers' raft group talks on; the only"
            + " meta port behind the load balancer in the ops guide. Every member of a group must reach it.",
            min = "1", max = "65535")
    int raftPort() default MetaRaftOptions.DEFAULT_RAFT_PORT;

    @AttributeDefinition(name = "Session port", description = "Port session servers heartbeat on (REG-50); the"
            + " same on every member.", min = "1", max = "65535")
    int sessionPort() default RegistryPorts.META_FOR_SESSIONS;

    @AttributeDefinition(name = "Data port", description = "Port data servers heartbeat on (REG-51); the same on"
            + " every member.", min = "1", max = "65535")
    int dataPort() default RegistryPorts.META_FOR_DATA;

    @AttributeDefinition(name = "Bind address", description = "Address the raft port listens on; 0.0.0.0 for every"
            + " interface.")
    String bindAddress() default "127.0.0.1";

    @AttributeDefinition(name = "Advertised host", description = "Address the other members reach this one at:"
            + " this member's name in the group, so it must be how it appears in Peers (an IP address or host"
            + " name, not 0.0.0.0).")
    String advertisedHost() default "127.0.0.1";

    @AttributeDefinition(name = "Peers", description = "Every member of the group, this one included, as"
            + " comma-separated host:port (or host alone for members on this raft port), e.g."
            + " 10.0.0.1,10.0.0.2,10.0.0.3. Empty: this member alone, a one-node group. Read at first start;"
            + " afterwards the group's membership is what /manage/changePeer last set.")
    String peers() default "";

    @AttributeDefinition(name = "Data directory", description = "Where the raft log, snapshots and raft metadata"
            + " are kept (the seed's /home/admin/raftData); relative to the node home. Deleting it resets this"
            + " member (REG-47).")
    String dataDir() default "data/registry/meta";

    @AttributeDefinition(name = "HTTP instance", description = "Name of the Felix HTTP instance serving the ops"
            + " API (org.apache.felix.http.name of its configuration; port 9615 in the role).")
    String httpInstance() default "registry-meta";

    @AttributeDefinition(name = "Readiness HTTP instance", description = "Name of the Felix HTTP instance serving"
            + " GET /health/readiness, the probe of load balancers (org.apache.felix.http.name of its configuration,"
            + " whose org.osgi.service.http.port is the probe's port: 8080 in the role). 200 while this member's"
            + " servers run and the group has a leader, else 503.")
    String readinessHttpInstance() default "registry-meta-readiness";

    @AttributeDefinition(name = "Server timeout (ms)", description = "A data or session server that has not"
            + " renewed for this long is removed from its list by the leader.", min = "1")
    long nodeTimeoutMillis() default 30_000;

    @AttributeDefinition(name = "Disconnected server timeout (ms)", description = "When the heartbeat"
            + " connection of a data or session server to the leader closes (its process ended), the server is"
            + " removed this long after the close unless a heartbeat of it came since, without waiting for the server"
            + " timeout; a server that lives reconnects within its heartbeat period and is kept. 0: only the server"
            + " timeout.", min = "0")
    long disconnectedNodeTimeoutMillis() default 3_000;

    @AttributeDefinition(name = "Eviction check period (ms)", description = "How often the leader looks for"
            + " servers past their timeout.", min = "1")
    long evictIntervalMillis() default 3_000;

    @AttributeDefinition(name = "Election timeout (ms)", description = "A follower that hears from no leader for"
            + " this long starts an election. Use the same value on every member.", min = "1")
    int electionTimeoutMs() default 1_000;

    @AttributeDefinition(name = "Snapshot period (s)", description = "How often the state is written to a"
            + " snapshot so the raft log can be truncated.", min = "1")
    int snapshotIntervalSecs() default 3_600;

    @AttributeDefinition(name = "Slot count", description = "Shards of the registry data over the data servers."
            + " Use the same value on every member.", min = "1")
    int slotCount() default SlotAssigner.DEFAULT_SLOT_COUNT;

    @AttributeDefinition(name = "Slot replicas", description = "Copies of each shard, the leading data server"
            + " included. Use the same value on every member.", min = "1")
    int slotReplicas() default SlotAssigner.DEFAULT_REPLICAS;

    @AttributeDefinition(name = "Metrics log period (s)", description = "How often registry-metrics.log gets the"
            + " node list sizes, raft status and push switch (OPS-20).", min = "1")
    int metricsLogSeconds() default 60;

    @AttributeDefinition(name = "Maximum frame (bytes)", description = "Largest Bolt frame a session or data server"
            + " may announce on the session and data ports: header, class name, Bolt header map and body. A larger"
            + " one closes the connection before Bolt buffers it (heartbeats are a few hundred bytes).",
            min = "1024")
    int maxFrameBytes() default ClusterPorts.DEFAULT_MAX_FRAME_BYTES;

    @AttributeDefinition(name = "New connections per address and second", description = "New connections one"
            + " address may open on the session or data port in a second; the ones beyond are closed at once (a"
            + " reconnect loop or a flood). Servers open one per meta server.", min = "1")
    int maxNewConnectionsPerIpPerSecond() default ClusterPorts.DEFAULT_MAX_NEW_CONNECTIONS_PER_IP_PER_SECOND;

    @AttributeDefinition(name = "Maximum connections", description = "Connections the session port, and the data"
            + " port, hold at once; new ones beyond are closed at once.", min = "1")
    int maxConnections() default ClusterPorts.DEFAULT_MAX_CONNECTIONS;

    @AttributeDefinition(name = "Raft port: maximum frame (bytes)", description = "Largest Bolt frame a peer may"
            + " announce on the raft port. A larger one closes the connection before Bolt buffers it. The members'"
            + " largest requests carry a batch of at most 512 KiB of raft log entries or one larger entry (a"
            + " persistent datum of up to 1 MiB), or a 128 KiB snapshot chunk; at least 8 MiB.", min = "8388608")
    int raftMaxFrameBytes() default MetaRaftOptions.DEFAULT_MAX_FRAME_BYTES;

    @AttributeDefinition(name = "Raft port: new connections per address and second", description = "New"
            + " connections one address may open on the raft port in a second; the ones beyond are closed at once."
            + " A member opens one to each other member; raise it if many members share one address.", min = "1")
    int raftMaxNewConnectionsPerIpPerSecond() default MetaRaftOptions.DEFAULT_MAX_NEW_CONNECTIONS_PER_IP_PER_SECOND;

    @AttributeDefinition(name = "Raft port: maximum connections", description = "Connections the raft port holds"
            + " at once; new ones beyond are closed at once. Each other member holds one or two.", min = "1")
    int raftMaxConnections() default MetaRaftOptions.DEFAULT_MAX_CONNECTIONS;
}
