package io.weft.drm.client.connection;

import java.time.Duration;

/**
 * Who the client is and how it talks to drmdata.
 *
 * @param clientIp  reported address; empty: the local address of the connection
 * @param accessKey OSP AccessKey; empty: Register goes unsigned
 * @param heartbeat heartbeat period; {@code null}: what drmdata says in {@code Registered}
 */
public record ConnectionSettings(String instanceId, String appName, String zone, String dataCenter,
        String clientIp, String accessKey, String secretKey, Duration heartbeat, Duration connectTimeout) {

    @Override
    public String toString() {
        // Never the secret key.
        return "ConnectionSettings[instanceId=" + instanceId + ", appName=" + appName + ", zone=" + zone
                + ", dataCenter=" + dataCenter + ", accessKey=" + accessKey + "]";
    }
}
