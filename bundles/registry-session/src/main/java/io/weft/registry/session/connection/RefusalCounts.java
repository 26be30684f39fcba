package io.weft.registry.session.connection;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the client port refused (ARCHITECTURE §5): frames, connections, and requests answered with a Bolt error
 * status. Behind {@code registry_session_refused_frames_total}, {@code registry_session_refused_connections_total}
 * and {@code registry_session_error_responses_total}. It outlives a restart of the port, so the counters only
 * rise while the node runs. Thread-safe.
 */
public final class RefusalCounts {

    /** Why a frame closed its connection. */
    public enum FrameRefusal {
        /** It announced more than the frame limit. */
        OVERSIZED,
        /** An unknown protocol code, version or command type, or a negative length. */
        MALFORMED,
        /** The connection closed in the middle of it. */
        TRUNCATED
    }

    /** Why a new connection was closed at once. */
    public enum ConnectionRefusal {
        /** Its address opened more new connections in a second than allowed. */
        RATE,
        /** The port holds as many connections as allowed. */
        LIMIT
    }

    private final Map<FrameRefusal, LongAdder> frames = new EnumMap<>(FrameRefusal.class);
    private final Map<ConnectionRefusal, LongAdder> connections = new EnumMap<>(ConnectionRefusal.class);
    private final Map<String, LongAdder> errorResponses = new ConcurrentHashMap<>();

    public RefusalCounts() {
        for (FrameRefusal reason : FrameRefusal.values()) {
            frames.put(reason, new LongAdder());
        }
        for (ConnectionRefusal reason : ConnectionRefusal.values()) {
            connections.put(reason, new LongAdder());
        }
    }

    public void frameRefused(FrameRefusal reason) {
        frames.get(reason).increment();
    }

    public void connectionRefused(ConnectionRefusal reason) {
        connections.get(reason).increment();
    }

    /** @param status Bolt's name of the status, one of its fixed set */
    public void errorResponse(String status) {
        errorResponses.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    /** Refused frames by reason, every reason present. */
    public Map<FrameRefusal, Long> frames() {
        Map<FrameRefusal, Long> counts = new EnumMap<>(FrameRefusal.class);
        frames.forEach((reason, count) -> counts.put(reason, count.sum()));
        return counts;
    }

    /** Refused connections by reason, every reason present. */
    public Map<ConnectionRefusal, Long> connections() {
        Map<ConnectionRefusal, Long> counts = new EnumMap<>(ConnectionRefusal.class);
        connections.forEach((reason, count) -> counts.put(reason, count.sum()));
        return counts;
    }

    /** Error responses by Bolt status name, only the statuses sent so far. */
    public Map<String, Long> errorResponses() {
        Map<String, Long> counts = new LinkedHashMap<>();
        new TreeMap<>(errorResponses).forEach((status, count) -> counts.put(status, count.sum()));
        return counts;
    }
}
