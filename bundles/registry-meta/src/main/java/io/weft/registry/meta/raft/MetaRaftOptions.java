package io.weft.registry.meta.raft;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

import io.weft.codec.bolt.guard.GuardLimits;
import io.weft.codec.bolt.guard.RefusalListener;
import io.weft.registry.meta.state.SlotAssigner;

/**
 * Everything a {@link MetaRaftNode} is started with. Each tunable is documented where it is declared;
 * setters return {@code this}. Not thread-safe: fill it, then hand it over.
 */
public final class MetaRaftOptions {

    /** The seed's raft port (REG-86, ops.md: "only Meta port on the LB"). */
    public static final int DEFAULT_RAFT_PORT = 9612;
    public static final String DEFAULT_GROUP = "weft-registry-meta";
    /**
     * JRaft's largest legitimate frames are far below this: an AppendEntries batch holds at most
     * {@code RaftOptions.maxBodySize} (512 KiB) of entries, but a single entry larger than that goes alone, and
     * the largest command is a persistent datum of up to 1 MiB (the ops API's body limit) written as JSON, which
     * escaping can make a few times larger; a snapshot chunk is {@code maxByteCountPerRpc} (128 KiB).
     */
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;
    /** The smallest frame limit a member accepts: room for the largest command JRaft replicates (see above). */
    public static final int MIN_MAX_FRAME_BYTES = 8 * 1024 * 1024;
    /**
     * A member opens one connection to each other member (JRaft's Bolt client) and again once when it or the
     * other restarts; several members on one host share an address.
     */
    public static final int DEFAULT_MAX_NEW_CONNECTIONS_PER_IP_PER_SECOND = 10;
    /** A few per member of a group of a handful, far below what exhausts the node's file handles. */
    public static final int DEFAULT_MAX_CONNECTIONS = 64;

    private String groupId = DEFAULT_GROUP;
    /** The address other members reach this one at: this member's identity in the group. */
    private String host = "127.0.0.1";
    /** The address the raft port listens on; null means {@link #host}. {@code 0.0.0.0} for every interface. */
    private String bindAddress;
    private int port = DEFAULT_RAFT_PORT;
    /** Every member's {@code host:port} (or {@code host}, meaning the default port), this one included. */
    private List<String> initialPeers = List.of();
    /** Holds {@code log/}, {@code meta/} and {@code snapshot/}; REG-7 names {@code /home/admin/raftData}. */
    private Path dataDir;
    /** JRaft's election timeout; a follower starts an election after this long without a leader. */
    private int electionTimeoutMs = 1000;
    /** How often JRaft snapshots the state by itself, so the log can be truncated. */
    private int snapshotIntervalSecs = 3600;
    private int slotCount = SlotAssigner.DEFAULT_SLOT_COUNT;
    private int slotReplicas = SlotAssigner.DEFAULT_REPLICAS;
    /** A data or session server not renewed for this long is evicted by the leader (REG-32, REG-78). */
    private long nodeTimeoutMillis = 30_000;
    /** How often the leader looks for such servers; 0 turns the timer off (tests call the evictor). */
    private long evictIntervalMillis = 3_000;
    /** Time of registrations, renewals and eviction; injected so tests need not sleep. */
    private Clock clock = Clock.systemUTC();
    /** What the raft port tolerates from its peers (ARCHITECTURE §5). */
    private GuardLimits portLimits = defaultPortLimits();
    /** Hears of the raft port's refusals; null: they are only logged, under {@code registry.raft}. */
    private RefusalListener refusals;

    public String groupId() {
        return groupId;
    }

    public MetaRaftOptions groupId(String value) {
        groupId = Objects.requireNonNull(value, "groupId");
        return this;
    }

    public String host() {
        return host;
    }

    public MetaRaftOptions host(String value) {
        host = Objects.requireNonNull(value, "host");
        return this;
    }

    /** Where the raft port listens: the bind address when one is set, else {@link #host()}. */
    public String bindAddress() {
        return bindAddress == null ? host : bindAddress;
    }

    public MetaRaftOptions bindAddress(String value) {
        bindAddress = Objects.requireNonNull(value, "bindAddress");
        return this;
    }

    public int port() {
        return port;
    }

    public MetaRaftOptions port(int value) {
        if (value <= 0 || value > 65535) {
            throw new IllegalArgumentException("raft port out of range: " + value);
        }
        port = value;
        return this;
    }

    public List<String> initialPeers() {
        return initialPeers;
    }

    public MetaRaftOptions initialPeers(List<String> value) {
        initialPeers = List.copyOf(value);
        return this;
    }

    public Path dataDir() {
        return dataDir;
    }

    public MetaRaftOptions dataDir(Path value) {
        dataDir = Objects.requireNonNull(value, "dataDir");
        return this;
    }

    public int electionTimeoutMs() {
        return electionTimeoutMs;
    }

    public MetaRaftOptions electionTimeoutMs(int value) {
        electionTimeoutMs = positive("electionTimeoutMs", value);
        return this;
    }

    public int snapshotIntervalSecs() {
        return snapshotIntervalSecs;
    }

    public MetaRaftOptions snapshotIntervalSecs(int value) {
        snapshotIntervalSecs = positive("snapshotIntervalSecs", value);
        return this;
    }

    public int slotCount() {
        return slotCount;
    }

    public MetaRaftOptions slotCount(int value) {
        slotCount = positive("slotCount", value);
        return this;
    }

    public int slotReplicas() {
        return slotReplicas;
    }

    public MetaRaftOptions slotReplicas(int value) {
        slotReplicas = positive("slotReplicas", value);
        return this;
    }

    public long nodeTimeoutMillis() {
        return nodeTimeoutMillis;
    }

    public MetaRaftOptions nodeTimeoutMillis(long value) {
        nodeTimeoutMillis = positive("nodeTimeoutMillis", value);
        return this;
    }

    public long evictIntervalMillis() {
        return evictIntervalMillis;
    }

    public MetaRaftOptions evictIntervalMillis(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("evictIntervalMillis must not be negative: " + value);
        }
        evictIntervalMillis = value;
        return this;
    }

    public Clock clock() {
        return clock;
    }

    public MetaRaftOptions clock(Clock value) {
        clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    public GuardLimits portLimits() {
        return portLimits;
    }

    public MetaRaftOptions portLimits(GuardLimits value) {
        portLimits = Objects.requireNonNull(value, "portLimits");
        return this;
    }

    /** The listener of the raft port's refusals, or null when they are only logged. */
    public RefusalListener refusals() {
        return refusals;
    }

    /**
     * @param value counts and logs the raft port's refusals (e.g. the member's {@code PortRefusals}); it must be
     *              thread-safe and must not block
     */
    public MetaRaftOptions refusals(RefusalListener value) {
        refusals = Objects.requireNonNull(value, "refusals");
        return this;
    }

    /**
     * The raft port's default limits: {@link #DEFAULT_MAX_FRAME_BYTES},
     * {@link #DEFAULT_MAX_NEW_CONNECTIONS_PER_IP_PER_SECOND} and {@link #DEFAULT_MAX_CONNECTIONS}.
     */
    public static GuardLimits defaultPortLimits() {
        return new GuardLimits(DEFAULT_MAX_FRAME_BYTES, DEFAULT_MAX_NEW_CONNECTIONS_PER_IP_PER_SECOND,
                DEFAULT_MAX_CONNECTIONS);
    }

    private static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    private static long positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }
}
