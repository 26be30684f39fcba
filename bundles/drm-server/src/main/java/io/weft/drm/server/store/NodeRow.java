package io.weft.drm.server.store;

/**
 * A drmdata node's liveness row.
 *
 * @param nodeId         {@code host:clientPort}
 * @param host           the address peers, the console and clients reach it at
 * @param clientPort     long connections (9880)
 * @param syncPort       drmdata-to-drmdata (9870)
 * @param pullUrl        base URL of its HTTP pull interface
 * @param dataCenter     its data center
 * @param zone           its zone
 * @param lastSeenMillis written by the node at every heartbeat (database clock not used: node clock)
 * @param connections    client connections it holds
 */
public record NodeRow(String nodeId, String host, int clientPort, int syncPort, String pullUrl, String dataCenter,
        String zone, long lastSeenMillis, int connections) {
}
