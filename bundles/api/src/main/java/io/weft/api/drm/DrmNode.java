package io.weft.api.drm;

import java.time.Instant;

/**
 * A drmdata node as recorded in the shared database.
 *
 * @param nodeId     its id (host:clientPort)
 * @param host       address the other nodes and the console reach it at
 * @param clientPort long-connection port (9880)
 * @param syncPort   drmdata-to-drmdata port (9870)
 * @param pullUrl    base URL of its HTTP pull interface
 * @param dataCenter its data center
 * @param zone       its zone
 * @param lastSeen   its last liveness write
 * @param live       whether it wrote within the liveness window
 * @param connections client connections it reported at its last write
 */
public record DrmNode(String nodeId, String host, int clientPort, int syncPort, String pullUrl, String dataCenter,
        String zone, Instant lastSeen, boolean live, int connections) {
}
