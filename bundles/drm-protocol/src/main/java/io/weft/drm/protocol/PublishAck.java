package io.weft.drm.protocol;

/**
 * drmdata's answer to {@link Publish}.
 *
 * @param requestId       the publish answered
 * @param nodeId          the drmdata node answering
 * @param notifiedClients clients this node notified
 * @param relayedTo       drmdata nodes this node relayed to and that acknowledged (0 when not relaying)
 * @param relayFailures   drmdata nodes the relay did not reach (they catch up from the database)
 */
public record PublishAck(long requestId, String nodeId, int notifiedClients, int relayedTo, int relayFailures)
        implements DrmMessage {
}
