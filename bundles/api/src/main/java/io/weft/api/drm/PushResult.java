package io.weft.api.drm;

/**
 * What a push did. The new version is in the database whatever the announcement reached.
 *
 * @param version         the version created
 * @param notifiedNode    the drmdata node the announcement went to, or empty when none answered
 * @param notifiedClients clients notified by all the nodes that acknowledged
 * @param relayFailures   drmdata nodes the announcement did not reach; they catch up from the database
 */
public record PushResult(long version, String notifiedNode, int notifiedClients, int relayFailures) {

    public boolean announced() {
        return !notifiedNode.isEmpty();
    }
}
