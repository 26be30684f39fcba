package io.weft.registry.data.monitor;

import io.weft.codec.bolt.guard.ConnectionRefusal;
import io.weft.codec.bolt.guard.FrameRefusal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The data server's event counters behind the {@code registry_data_*} counters (OPS-21): lease evictions by kind,
 * failed change notices, failed replications, refused bodies, and frames and connections the ports' guards refused
 * (by port and reason). The owner keeps one across restarts of the server,
 * so counters only ever rise. Thread-safe.
 */
public final class DataCounts {

    private final LongAdder evictedExpired = new LongAdder();
    private final LongAdder evictedNoHeartbeat = new LongAdder();
    private final LongAdder notifyErrors = new LongAdder();
    private final LongAdder notifyRetriesExceeded = new LongAdder();
    private final LongAdder replicationErrors = new LongAdder();
    private final LongAdder refusedBodies = new LongAdder();
    private final Map<String, LongAdder> refusedFrames = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> refusedConnections = new ConcurrentHashMap<>();

    /** Publishers of a session process that a newer process of the same session replaced (dataRenewEvict_Expired). */
    public void evictedExpired(int publishers) {
        evictedExpired.add(publishers);
    }

    /** Publishers of a session process not renewed for the lease time (dataRenewEvict_Noheartbeat). */
    public void evictedNoHeartbeat(int publishers) {
        evictedNoHeartbeat.add(publishers);
    }

    /** One change notice that could not be sent (data_SessionNotifierInvoke_Error). */
    public void notifyError() {
        notifyErrors.increment();
    }

    /** One change notice given up after its retries (data_SessionNotifierRetryExceed_Error). */
    public void notifyGivenUp() {
        notifyRetriesExceeded.increment();
    }

    /** {@code count} datums a follower did not get after the retries (a batch's, or one). */
    public void replicationError(int count) {
        replicationErrors.add(count);
    }

    /** One request or reply body the safe Hessian refused. */
    public void refusedBody() {
        refusedBodies.increment();
    }

    /** One connection closed at a frame its port's guard refused; {@code port} is the port's name. */
    public void frameRefused(String port, FrameRefusal reason) {
        refusedFrames.computeIfAbsent(key(port, reason), k -> new LongAdder()).increment();
    }

    /** One new connection its port's guard closed at once. */
    public void connectionRefused(String port, ConnectionRefusal reason) {
        refusedConnections.computeIfAbsent(key(port, reason), k -> new LongAdder()).increment();
    }

    public long refusedFrames(String port, FrameRefusal reason) {
        LongAdder count = refusedFrames.get(key(port, reason));
        return count == null ? 0 : count.sum();
    }

    public long refusedConnections(String port, ConnectionRefusal reason) {
        LongAdder count = refusedConnections.get(key(port, reason));
        return count == null ? 0 : count.sum();
    }

    private static String key(String port, Enum<?> reason) {
        return port + " " + reason.name();
    }

    public long evictedExpired() {
        return evictedExpired.sum();
    }

    public long evictedNoHeartbeat() {
        return evictedNoHeartbeat.sum();
    }

    public long notifyErrors() {
        return notifyErrors.sum();
    }

    public long notifyRetriesExceeded() {
        return notifyRetriesExceeded.sum();
    }

    public long replicationErrors() {
        return replicationErrors.sum();
    }

    public long refusedBodies() {
        return refusedBodies.sum();
    }
}
