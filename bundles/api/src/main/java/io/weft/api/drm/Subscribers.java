package io.weft.api.drm;

import java.util.List;

/** The clients listening to an attribute, from every drmdata node that answered. */
public record Subscribers(List<Subscriber> subscribers, List<String> unreachableNodes) {

    public Subscribers {
        subscribers = List.copyOf(subscribers);
        unreachableNodes = List.copyOf(unreachableNodes);
    }

    /**
     * @param clientIp      the client's address
     * @param zone          its zone
     * @param appName       its application
     * @param version       the version it holds
     * @param drmdataNode   the drmdata node it is connected to
     * @param connectedAtMillis when it registered
     * @param lastHeartbeatMillis its last heartbeat (0: none yet)
     */
    public record Subscriber(String clientIp, String zone, String appName, long version, String drmdataNode,
            long connectedAtMillis, long lastHeartbeatMillis) {
    }
}
