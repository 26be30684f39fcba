package io.weft.drm.server.admin;

import java.util.List;

/**
 * How announcing one write went (DRM-6 step 2).
 *
 * @param nodeId          the node that acknowledged, or empty when none did
 * @param notifiedClients clients notified by that node and the peers it relayed to
 * @param relayFailures   nodes the announcement did not reach: the acknowledging node's failed relays, or
 *                        every node tried when none acknowledged
 * @param failures        why each node tried before failed, for the log
 */
record Announcement(String nodeId, int notifiedClients, int relayFailures, List<String> failures) {

    Announcement {
        failures = List.copyOf(failures);
    }

    boolean acknowledged() {
        return !nodeId.isEmpty();
    }
}
