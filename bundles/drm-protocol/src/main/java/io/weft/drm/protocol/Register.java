package io.weft.drm.protocol;

import java.util.List;

/**
 * Client to drmdata, first frame on a long connection (DRM-7): who the client is and the attributes it
 * listens to. Answered by {@link Registered}; until then drmdata accepts no other frame.
 *
 * @param requestId     echoed in the answer
 * @param instanceId    the OSP instance the client belongs to; authorised per instance (DRM-12)
 * @param appName       application name, for the console and the logs
 * @param clientIp      the address the client reports (drmdata logs the connection's own address too)
 * @param zone          the client's zone (unit), e.g. {@code GZ00B}; may be empty
 * @param dataCenter    the client's data center; pull endpoints of this data center come first
 * @param clientVersion the client library's version, for the logs
 * @param signature     the OSP signature, or {@code null} for an unsigned client (accepted only when
 *                      drmdata allows it)
 * @param subscriptions the attributes listened to, with the versions held (from the local cache)
 */
public record Register(long requestId, String instanceId, String appName, String clientIp, String zone,
        String dataCenter, String clientVersion, SignatureAttributes signature,
        List<Subscription> subscriptions) implements DrmMessage {

    public Register {
        subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
        appName = appName == null ? "" : appName;
        clientIp = clientIp == null ? "" : clientIp;
        zone = zone == null ? "" : zone;
        dataCenter = dataCenter == null ? "" : dataCenter;
        clientVersion = clientVersion == null ? "" : clientVersion;
    }
}
