package io.weft.drm.server.core;

import java.util.List;

/**
 * The tunables of a drmdata node, as plain values (the DS component converts its configuration into
 * this), so the core runs and is tested without OSGi. See {@code DrmServerConfig} for what each means.
 */
public record Settings(
        String bindAddress,
        int clientPort,
        int syncPort,
        String advertisedHost,
        String pullBaseUrl,
        String dataCenter,
        String zone,
        int heartbeatSeconds,
        boolean signatureRequired,
        boolean unsignedFromLoopback,
        int maxFrameBytes,
        int maxConnections,
        int maxAttributesPerClient,
        long ackTimeoutMillis,
        long catchUpMillis,
        int nodeHeartbeatSeconds,
        int nodeLiveSeconds,
        int pullTokenSeconds,
        int monitorIntervalSeconds,
        List<String> acvipEndpoints) {

    public Settings {
        bindAddress = blankTo(bindAddress, "127.0.0.1");
        advertisedHost = blankTo(advertisedHost, "127.0.0.1");
        pullBaseUrl = blankTo(pullBaseUrl, "http://127.0.0.1:8880");
        dataCenter = dataCenter == null ? "" : dataCenter.strip();
        zone = zone == null ? "" : zone.strip();
        acvipEndpoints = acvipEndpoints == null ? List.of() : List.copyOf(acvipEndpoints);
        check(clientPort >= 0 && clientPort <= 65535, "clientPort must be 0..65535, was " + clientPort);
        check(syncPort >= 0 && syncPort <= 65535, "syncPort must be 0..65535, was " + syncPort);
        check(heartbeatSeconds >= 1, "heartbeatSeconds must be >= 1, was " + heartbeatSeconds);
        check(maxFrameBytes >= 1024, "maxFrameBytes must be >= 1024, was " + maxFrameBytes);
        check(maxConnections >= 1, "maxConnections must be >= 1, was " + maxConnections);
        check(maxAttributesPerClient >= 1, "maxAttributesPerClient must be >= 1, was " + maxAttributesPerClient);
        check(ackTimeoutMillis >= 1, "ackTimeoutMillis must be >= 1, was " + ackTimeoutMillis);
        check(catchUpMillis >= 10, "catchUpMillis must be >= 10, was " + catchUpMillis);
        check(nodeHeartbeatSeconds >= 1, "nodeHeartbeatSeconds must be >= 1, was " + nodeHeartbeatSeconds);
        check(nodeLiveSeconds > nodeHeartbeatSeconds, "nodeLiveSeconds must exceed nodeHeartbeatSeconds, was "
                + nodeLiveSeconds);
        check(pullTokenSeconds >= 60, "pullTokenSeconds must be >= 60, was " + pullTokenSeconds);
        check(monitorIntervalSeconds >= 1, "monitorIntervalSeconds must be >= 1, was " + monitorIntervalSeconds);
    }

    /** The defaults of the drm role, on the given ports (0: any free port, for tests). */
    public static Settings defaults(int clientPort, int syncPort) {
        return new Settings("127.0.0.1", clientPort, syncPort, "127.0.0.1", "http://127.0.0.1:8880", "dc1", "", 30,
                true, true, 1 << 20, 20000, 5000, 10000, 1000, 5, 15, 900, 60, List.of());
    }

    public Settings withPorts(int clientPort, int syncPort) {
        return new Settings(bindAddress, clientPort, syncPort, advertisedHost, pullBaseUrl, dataCenter, zone,
                heartbeatSeconds, signatureRequired, unsignedFromLoopback, maxFrameBytes, maxConnections,
                maxAttributesPerClient, ackTimeoutMillis, catchUpMillis, nodeHeartbeatSeconds, nodeLiveSeconds,
                pullTokenSeconds, monitorIntervalSeconds, acvipEndpoints);
    }

    public Settings withSignature(boolean required, boolean unsignedFromLoopback) {
        return new Settings(bindAddress, clientPort, syncPort, advertisedHost, pullBaseUrl, dataCenter, zone,
                heartbeatSeconds, required, unsignedFromLoopback, maxFrameBytes, maxConnections,
                maxAttributesPerClient, ackTimeoutMillis, catchUpMillis, nodeHeartbeatSeconds, nodeLiveSeconds,
                pullTokenSeconds, monitorIntervalSeconds, acvipEndpoints);
    }

    public Settings withTimings(int heartbeatSeconds, long ackTimeoutMillis, long catchUpMillis) {
        return new Settings(bindAddress, clientPort, syncPort, advertisedHost, pullBaseUrl, dataCenter, zone,
                heartbeatSeconds, signatureRequired, unsignedFromLoopback, maxFrameBytes, maxConnections,
                maxAttributesPerClient, ackTimeoutMillis, catchUpMillis, nodeHeartbeatSeconds, nodeLiveSeconds,
                pullTokenSeconds, monitorIntervalSeconds, acvipEndpoints);
    }

    public Settings withLimits(int maxFrameBytes, int maxConnections, int maxAttributesPerClient) {
        return new Settings(bindAddress, clientPort, syncPort, advertisedHost, pullBaseUrl, dataCenter, zone,
                heartbeatSeconds, signatureRequired, unsignedFromLoopback, maxFrameBytes, maxConnections,
                maxAttributesPerClient, ackTimeoutMillis, catchUpMillis, nodeHeartbeatSeconds, nodeLiveSeconds,
                pullTokenSeconds, monitorIntervalSeconds, acvipEndpoints);
    }

    private static String blankTo(String s, String dflt) {
        return s == null || s.isBlank() ? dflt : s.strip();
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
