package io.weft.registry.meta.cluster;

import io.weft.codec.bolt.guard.ConnectionRefusal;
import io.weft.codec.bolt.guard.FrameRefusal;
import io.weft.codec.bolt.guard.LogThrottle;
import io.weft.codec.bolt.guard.RefusalListener;
import io.weft.codec.bolt.guard.PortRefusalLog;
import io.weft.registry.meta.state.NodeRole;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the guards of the meta server's Bolt ports refused, by port ({@link GuardedPort}: session, data, raft) and
 * reason: behind {@code registry_meta_refused_frames_total} and {@code registry_meta_refused_connections_total}.
 * The owner keeps one across restarts of the member, so the counters only rise while the node runs. Thread-safe.
 */
public final class PortRefusals {

    private final Map<String, LongAdder> frames = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> connections = new ConcurrentHashMap<>();

    public long frames(GuardedPort port, FrameRefusal reason) {
        LongAdder count = frames.get(key(port, reason));
        return count == null ? 0 : count.sum();
    }

    public long connections(GuardedPort port, ConnectionRefusal reason) {
        LongAdder count = connections.get(key(port, reason));
        return count == null ? 0 : count.sum();
    }

    /** The refusals of the port {@code role}'s servers heartbeat on. */
    public long frames(NodeRole role, FrameRefusal reason) {
        return frames(GuardedPort.of(role), reason);
    }

    /** The refusals of the port {@code role}'s servers heartbeat on. */
    public long connections(NodeRole role, ConnectionRefusal reason) {
        return connections(GuardedPort.of(role), reason);
    }

    /** The refusals of the cluster port {@code role}'s servers heartbeat on, logged as {@code [heartbeat]}. */
    RefusalListener listener(NodeRole role, LogThrottle log) {
        return listener(GuardedPort.of(role), log);
    }

    /**
     * Counts the refusals of {@code port} and logs them with the peer's address through {@code log} (its logger's
     * file and common-error.log): one line per kind, address and interval. Lines of the cluster ports are tagged
     * {@code [heartbeat]}, those of the raft port {@code [raft]}.
     */
    public RefusalListener listener(GuardedPort port, LogThrottle log) {
        RefusalListener lines = new PortRefusalLog(port.name(), port == GuardedPort.RAFT ? "[raft]" : "[heartbeat]", log);
        return new RefusalListener() {
            @Override
            public void frameRefused(FrameRefusal reason, SocketAddress remote, String detail) {
                frames.computeIfAbsent(key(port, reason), k -> new LongAdder()).increment();
                lines.frameRefused(reason, remote, detail);
            }

            @Override
            public void connectionRefused(ConnectionRefusal reason, SocketAddress remote, int limit) {
                connections.computeIfAbsent(key(port, reason), k -> new LongAdder()).increment();
                lines.connectionRefused(reason, remote, limit);
            }
        };
    }

    private static String key(GuardedPort port, Enum<?> reason) {
        return port.name() + " " + reason.name();
    }
}
