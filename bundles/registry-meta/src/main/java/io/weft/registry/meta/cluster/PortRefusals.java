package io.weft.registry.meta.cluster;

import io.weft.codec.bolt.guard.ConnectionRefusal;
import io.weft.codec.bolt.guard.FrameRefusal;
import io.weft.codec.bolt.guard.LogThrottle;
import io.weft.codec.bolt.guard.RefusalListener;
import io.weft.codec.bolt.guard.RemoteAddress;
import io.weft.registry.meta.state.NodeRole;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the guards of the cluster ports refused, by port (the role heartbeating on it) and reason: behind
 * {@code registry_meta_refused_frames_total} and {@code registry_meta_refused_connections_total}. The owner keeps
 * one across restarts of the member, so the counters only rise while the node runs. Thread-safe.
 */
public final class PortRefusals {

    private final Map<String, LongAdder> frames = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> connections = new ConcurrentHashMap<>();

    public long frames(NodeRole port, FrameRefusal reason) {
        LongAdder count = frames.get(key(port, reason));
        return count == null ? 0 : count.sum();
    }

    public long connections(NodeRole port, ConnectionRefusal reason) {
        LongAdder count = connections.get(key(port, reason));
        return count == null ? 0 : count.sum();
    }

    /**
     * Counts the refusals of the port {@code port}'s servers heartbeat on and logs them with the peer's address
     * (registry-meta.log and common-error.log), through {@code log}: one line per kind, address and interval.
     */
    RefusalListener listener(NodeRole port, LogThrottle log) {
        String name = port.name();
        return new RefusalListener() {
            @Override
            public void frameRefused(FrameRefusal reason, SocketAddress remote, String detail) {
                frames.computeIfAbsent(key(port, reason), k -> new LongAdder()).increment();
                log.error(name + " frame " + RemoteAddress.ip(remote), "[heartbeat] {} port: {} {}: {}", name,
                        reason == FrameRefusal.TRUNCATED ? "peer" : "closed", RemoteAddress.text(remote), detail);
            }

            @Override
            public void connectionRefused(ConnectionRefusal reason, SocketAddress remote, int limit) {
                connections.computeIfAbsent(key(port, reason), k -> new LongAdder()).increment();
                if (reason == ConnectionRefusal.RATE) {
                    String ip = RemoteAddress.ip(remote);
                    log.error(name + " rate " + ip, "[heartbeat] {} port: refused new connections from {}: more than"
                            + " {} in one second (a reconnect loop or a flood); they are closed at once", name, ip,
                            limit);
                } else {
                    log.error(name + " limit", "[heartbeat] {} port: refused a connection from {}: {} connections"
                            + " are open, the configured maximum", name, RemoteAddress.text(remote), limit);
                }
            }
        };
    }

    private static String key(NodeRole port, Enum<?> reason) {
        return port.name() + " " + reason.name();
    }
}
