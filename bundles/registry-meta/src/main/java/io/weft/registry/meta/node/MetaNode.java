package io.weft.registry.meta.node;

import java.util.Map;
import java.util.LinkedHashMap;
import java.time.Clock;
import io.weft.registry.meta.state.NodeRole;
import io.weft.registry.meta.cluster.ClusterPorts;
import io.weft.registry.meta.cluster.GuardedPort;
import io.weft.registry.meta.cluster.PortRefusals;
import io.weft.codec.bolt.guard.LogThrottle;
import io.weft.codec.bolt.BoltHessian;
import io.weft.codec.hessian.SafeHessian;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.registry.meta.monitor.MetricsLog;
import io.weft.registry.meta.raft.MetaRaftNode;

/**
 * One meta server member as the registry-meta role runs it, free of OSGi: the raft member and its
 * {@code registry-metrics.log} line. {@link MetaServerComponent} runs one per configuration and replaces it
 * when the configuration changes; tests run it the same way.
 *
 * <p>A member whose raft port or data directory cannot be used stays in place, not started: it answers as
 * {@code Inactive}, its health says why, and the next configuration starts a new one.
 *
 * <p>Lifecycle: {@link #start()} once, {@link #close()} once. After {@link #close()} returns, nothing this
 * member started is left: the raft port is closed, the data directory's files are released, and its threads
 * ({@code weft-meta-*}) have ended. JRaft's and Bolt's static executors stay (decision record 0015).
 */
public final class MetaNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("registry.meta");
    /** The raft port's refusals go to registry-raft.log (and common-error.log), one line per kind and peer. */
    private static final Logger RAFT_LOG = LoggerFactory.getLogger("registry.raft");
    private static final long REFUSAL_LOG_INTERVAL_MILLIS = 10_000;
    /**
     * A follower forwards an operator's command to the leader's raft port as a JSON string, and the leader answers
     * with one (decision record 0020): room for a persistent datum of the ops API's 1 MiB limit, escaped.
     */
    private static final int MAX_FORWARDED_BYTES = 4 * 1024 * 1024;

    private final MetaNodeSettings settings;
    private final MetaRaftNode raft;
    private final MetricsLog metricsLog;
    private final ClusterPorts clusterPorts;
    private final BoltHessian hessian;
    private volatile String failure;
    // Guarded by this: from start() to close().
    private BoltHessian.Registration forwardedStrings;

    /** @param hessian the node's Bolt Hessian codec, for the cluster ports' messages */
    public MetaNode(BoltHessian hessian, MetaNodeSettings settings) {
        this(hessian, settings, new PortRefusals());
    }

    /**
     * @param hessian  the node's Bolt Hessian codec, for the cluster ports' messages
     * @param refusals where the guards of the cluster ports and the raft port count what they refused; the owner
     *                 keeps it across restarts
     */
    public MetaNode(BoltHessian hessian, MetaNodeSettings settings, PortRefusals refusals) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.raft = new MetaRaftNode(settings.raftOptions().refusals(refusals.listener(GuardedPort.RAFT,
                new LogThrottle(RAFT_LOG, REFUSAL_LOG_INTERVAL_MILLIS, System::currentTimeMillis))));
        this.metricsLog = new MetricsLog(raft);
        this.hessian = Objects.requireNonNull(hessian, "hessian");
        this.clusterPorts = new ClusterPorts(Objects.requireNonNull(hessian, "hessian"), settings.bindAddress(),
                settings.sessionPort(), settings.dataPort(), raft, Clock.systemUTC(), settings.portLimits(), refusals,
                settings.disconnectedNodeTimeoutMillis());
    }

    /**
     * Starts the raft member and the metrics log.
     *
     * @return whether the raft member runs; when not, {@link #failure()} says why
     */
    public synchronized boolean start() {
        LOG.info("meta server {} starting: raft port {}:{}, peers {}, data in {}", settings.self(),
                settings.bindAddress(), settings.raftPort(),
                settings.peers().isEmpty() ? "(this member alone)" : settings.peers(), settings.dataDir());
        // Also while raft is down: its lines then show the empty lists the alerts watch for.
        metricsLog.start(settings.metricsLogSeconds());
        // Bolt reads the forwarded commands and their answers (plain strings) through the node's Hessian codec
        // byte: this member's own reader for them, whatever the cluster ports do.
        forwardedStrings = hessian.register(new SafeHessian(List.of(String.class.getName()), MAX_FORWARDED_BYTES,
                MetaNode.class.getClassLoader()), (className, reason) -> RAFT_LOG.error(
                        "[raft] refused a forwarded command announced as {}: {}", className, reason));
        try {
            raft.start();
        } catch (RuntimeException e) {
            // Port in use, data directory not writable or locked: the member stays, inactive, saying why.
            failure = e.getMessage();
            LOG.error("meta server {} is not running: {}", settings.self(), e.getMessage());
            return false;
        }
        try {
            clusterPorts.start();
            failure = null;
            return true;
        } catch (RuntimeException e) {
            // The group goes on (its ops endpoints still answer), but no server can heartbeat here: unhealthy.
            failure = e.getMessage();
            LOG.error("meta server {} serves no session or data server: {}", settings.self(), e.getMessage());
            return false;
        }
    }

    public MetaNodeSettings settings() {
        return settings;
    }

    /** The raft member, started or not; never null. */
    public MetaRaftNode raft() {
        return raft;
    }

    /** Why {@link #start()} failed, while this member does not run. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Whether session (9610) and data servers (9611) can heartbeat here, and the other metas reach this one (its raft
     * port, 9612: Weft's meta-to-meta server), by the seed's health names (OPS-5).
     */
    public Map<String, Boolean> clusterPortsListening() {
        Map<String, Boolean> flags = new LinkedHashMap<>();
        flags.put("sessionRegisterServer", clusterPorts.listening(NodeRole.SESSION));
        flags.put("dataRegisterServerStart", clusterPorts.listening(NodeRole.DATA));
        flags.put("otherMetaRegisterServerStart", raft.listening());
        return flags;
    }

    @Override
    public synchronized void close() {
        metricsLog.close();
        clusterPorts.close();
        raft.close();
        if (forwardedStrings != null) {
            forwardedStrings.close();
            forwardedStrings = null;
        }
    }
}
