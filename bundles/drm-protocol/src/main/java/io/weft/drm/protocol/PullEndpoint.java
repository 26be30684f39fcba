package io.weft.drm.protocol;

/**
 * A drmdata node's HTTP pull interface.
 *
 * @param baseUrl    e.g. {@code http://10.0.0.5:8880}; the client appends {@link PullProtocol#PATH}
 * @param dataCenter the node's data center
 * @param zone       the node's zone; may be empty
 * @param nodeId     the node
 */
public record PullEndpoint(String baseUrl, String dataCenter, String zone, String nodeId) {

    public PullEndpoint {
        if (baseUrl == null || !(baseUrl.startsWith("http://") || baseUrl.startsWith("https://"))) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL, was '" + baseUrl + "'");
        }
        dataCenter = dataCenter == null ? "" : dataCenter;
        zone = zone == null ? "" : zone;
        nodeId = nodeId == null ? "" : nodeId;
    }
}
