package io.weft.registry.meta.node;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import io.weft.codec.bolt.guard.GuardLimits;
import io.weft.registry.meta.raft.MetaRaftOptions;
import io.weft.registry.meta.raft.PeerAddresses;

/**
 * A {@link MetaServerConfig} checked and resolved against the node home: everything a {@link MetaNode} runs
 * with. Two settings are equal when the node would run the same, which is when a configuration change needs
 * no restart.
 *
 * @param peers   every member as {@code host:port}, this one included; empty for a one-node group
 * @param dataDir absolute
 * @param disconnectedNodeTimeoutMillis how long after its heartbeat connection closed a silent server is evicted,
 *                                      0 for never (only {@code nodeTimeoutMillis})
 * @param portLimits what the session and data ports each tolerate from their peers
 * @param raftPortLimits what the raft port tolerates from its peers
 */
public record MetaNodeSettings(
        String bindAddress,
        String advertisedHost,
        int raftPort,
        int sessionPort,
        int dataPort,
        List<String> peers,
        Path dataDir,
        long nodeTimeoutMillis,
        long disconnectedNodeTimeoutMillis,
        long evictIntervalMillis,
        int electionTimeoutMs,
        int snapshotIntervalSecs,
        int slotCount,
        int slotReplicas,
        int metricsLogSeconds,
        GuardLimits portLimits,
        GuardLimits raftPortLimits) {

    public MetaNodeSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(portLimits, "portLimits");
        Objects.requireNonNull(raftPortLimits, "raftPortLimits");
        Objects.requireNonNull(advertisedHost, "advertisedHost");
        peers = List.copyOf(peers);
        Objects.requireNonNull(dataDir, "dataDir");
    }

    /**
     * @param home the node home, against which a relative data directory is resolved
     * @throws IllegalArgumentException saying which setting is wrong and why
     */
    public static MetaNodeSettings of(MetaServerConfig config, Path home) {
        String bind = required("bindAddress", config.bindAddress());
        String advertised = required("advertisedHost", config.advertisedHost());
        if (advertised.equals("0.0.0.0")) {
            throw new IllegalArgumentException("advertisedHost must be an address the other meta servers can reach,"
                    + " not 0.0.0.0");
        }
        int port = config.raftPort();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("raftPort must be from 1 to 65535, was " + port);
        }
        if (advertised.indexOf(':') >= 0) {
            throw new IllegalArgumentException("advertisedHost must be a host without port (the port is raftPort),"
                    + " was " + advertised);
        }
        String self;
        try {
            // The same check as every entry of the list below: this member's own name in the group.
            self = PeerAddresses.normalize(advertised, port);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("advertisedHost: " + e.getMessage(), e);
        }
        List<String> peers;
        try {
            peers = PeerAddresses.parse(config.peers(), port);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("peers: " + e.getMessage(), e);
        }
        if (!peers.isEmpty() && !peers.contains(self)) {
            throw new IllegalArgumentException("peers " + peers + " must include this member, " + self
                    + " (advertisedHost:raftPort)");
        }
        int sessionPort = port("sessionPort", config.sessionPort());
        int dataPort = port("dataPort", config.dataPort());
        if (sessionPort == dataPort || sessionPort == port || dataPort == port) {
            throw new IllegalArgumentException("raftPort, sessionPort and dataPort must differ, were " + port + ", "
                    + sessionPort + ", " + dataPort);
        }
        if (config.raftMaxFrameBytes() < MetaRaftOptions.MIN_MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("raftMaxFrameBytes must be at least " + MetaRaftOptions.MIN_MAX_FRAME_BYTES
                    + " (the members' largest raft requests must pass), was " + config.raftMaxFrameBytes());
        }
        String dir = required("dataDir", config.dataDir());
        Path dataDir = home.resolve(dir).toAbsolutePath().normalize();
        return new MetaNodeSettings(bind, advertised, port, sessionPort, dataPort, peers, dataDir,
                positive("nodeTimeoutMillis", config.nodeTimeoutMillis()),
                notNegative("disconnectedNodeTimeoutMillis", config.disconnectedNodeTimeoutMillis()),
                positive("evictIntervalMillis", config.evictIntervalMillis()),
                (int) positive("electionTimeoutMs", config.electionTimeoutMs()),
                (int) positive("snapshotIntervalSecs", config.snapshotIntervalSecs()),
                (int) positive("slotCount", config.slotCount()),
                (int) positive("slotReplicas", config.slotReplicas()),
                (int) positive("metricsLogSeconds", config.metricsLogSeconds()),
                limits("", config.maxFrameBytes(), config.maxNewConnectionsPerIpPerSecond(),
                        config.maxConnections()),
                limits("raft", config.raftMaxFrameBytes(), config.raftMaxNewConnectionsPerIpPerSecond(),
                        config.raftMaxConnections()));
    }

    /** This member's address in the group, {@code advertisedHost:raftPort}. */
    public String self() {
        return PeerAddresses.normalize(advertisedHost, raftPort);
    }

    MetaRaftOptions raftOptions() {
        return new MetaRaftOptions()
                .host(advertisedHost)
                .bindAddress(bindAddress)
                .port(raftPort)
                .initialPeers(peers)
                .dataDir(dataDir)
                .nodeTimeoutMillis(nodeTimeoutMillis)
                .evictIntervalMillis(evictIntervalMillis)
                .electionTimeoutMs(electionTimeoutMs)
                .snapshotIntervalSecs(snapshotIntervalSecs)
                .slotCount(slotCount)
                .slotReplicas(slotReplicas)
                .portLimits(raftPortLimits);
    }

    /** @param prefix of the settings' names in a refusal: "" or "raft" ({@code raftMaxConnections}) */
    private static GuardLimits limits(String prefix, int maxFrameBytes, int perIpPerSecond, int maxConnections) {
        try {
            return new GuardLimits(maxFrameBytes, perIpPerSecond, maxConnections);
        } catch (IllegalArgumentException e) {
            if (prefix.isEmpty()) {
                throw e;
            }
            // GuardLimits names maxConnections; the configuration calls it raftMaxConnections.
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^max", prefix + "Max"), e);
        }
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value.strip();
    }

    private static int port(String name, int value) {
        if (value < 1 || value > 65535) {
            throw new IllegalArgumentException(name + " must be from 1 to 65535, was " + value);
        }
        return value;
    }

    private static long notNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be 0 (off) or positive, was " + value);
        }
        return value;
    }

    private static long positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }
}
