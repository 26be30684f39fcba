package io.weft.drm.server.connection;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.Channel;

/**
 * One registered long connection: who the client is and, per attribute it listens to, the version it
 * holds and the version it was last told to pull. Thread-safe: written by the connection's worker
 * thread (register, heartbeat), by acknowledgements and by pushes from other threads.
 */
public final class ClientSession {

    private final Channel channel;
    private final String instanceId;
    private final String appName;
    private final String clientIp;
    private final String reportedIp;
    private final String zone;
    private final String dataCenter;
    private final long connectedAtMillis;
    private volatile long lastHeartbeatMillis;
    /** key → version held (last acknowledged, registered or heartbeat-reported). */
    private final Map<String, Long> held = new ConcurrentHashMap<>();
    /** key → highest version a Notify was sent for, so a version is not notified twice while awaited. */
    private final Map<String, Long> notified = new ConcurrentHashMap<>();

    public ClientSession(Channel channel, String instanceId, String appName, String clientIp, String reportedIp,
            String zone, String dataCenter, long connectedAtMillis) {
        this.channel = channel;
        this.instanceId = instanceId;
        this.appName = appName;
        this.clientIp = clientIp;
        this.reportedIp = reportedIp;
        this.zone = zone;
        this.dataCenter = dataCenter;
        this.connectedAtMillis = connectedAtMillis;
    }

    public Channel channel() {
        return channel;
    }

    public String instanceId() {
        return instanceId;
    }

    public String appName() {
        return appName;
    }

    /** The connection's remote address: what logs show and gray releases match. */
    public String clientIp() {
        return clientIp;
    }

    /** The address the client reported in its registration. */
    public String reportedIp() {
        return reportedIp;
    }

    public String zone() {
        return zone;
    }

    public String dataCenter() {
        return dataCenter;
    }

    public long connectedAtMillis() {
        return connectedAtMillis;
    }

    public long lastHeartbeatMillis() {
        return lastHeartbeatMillis;
    }

    public void heartbeatAt(long millis) {
        lastHeartbeatMillis = millis;
    }

    public Set<String> keys() {
        return held.keySet();
    }

    public boolean subscribes(String key) {
        return held.containsKey(key);
    }

    /** The version held, or -1 when the key is not subscribed. */
    public long held(String key) {
        return held.getOrDefault(key, -1L);
    }

    /** Records what the client holds (never lowers it: an old heartbeat does not undo an acknowledgement). */
    public void hold(String key, long version) {
        held.merge(key, version, Math::max);
    }

    /** Records what the client reported it holds, as its own word: it may be lower after a local restore. */
    public void reported(String key, long version) {
        held.put(key, version);
        notified.computeIfPresent(key, (k, v) -> v > version ? v : null);
    }

    /**
     * Claims the right to notify {@code version} of {@code key}: true when no notification of this
     * version or a newer one is awaited.
     */
    public boolean claimNotify(String key, long version) {
        boolean[] claimed = new boolean[1];
        notified.compute(key, (k, v) -> {
            if (v == null || v < version) {
                claimed[0] = true;
                return version;
            }
            return v;
        });
        return claimed[0];
    }

    /** Forgets an awaited notification (answered or timed out), so a later heartbeat or catch-up may retry. */
    public void releaseNotify(String key, long version) {
        notified.remove(key, version);
    }

    public int keyCount() {
        return held.size();
    }
}
