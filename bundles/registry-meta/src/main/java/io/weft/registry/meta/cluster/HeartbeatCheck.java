package io.weft.registry.meta.cluster;

import io.weft.registry.meta.state.NodeRole;
import io.weft.registry.protocol.NodeHeartbeat;

/** What is wrong with a heartbeat, in words the sender's log can show; null when nothing is. */
final class HeartbeatCheck {

    private HeartbeatCheck() {
    }

    static String problem(NodeHeartbeat beat, NodeRole portRole) {
        if (beat == null) {
            return "no heartbeat in the request";
        }
        if (beat.getRole() == null || beat.getRole().isBlank()) {
            return "role is required";
        }
        if (!portRole.name().equals(beat.getRole())) {
            return "role " + beat.getRole() + " on the " + portRole + " port: " + portRole
                    + " servers only heartbeat here";
        }
        String address = beat.getAddress();
        if (address == null || address.isBlank()) {
            return "address is required";
        }
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            return "address must be host:port, was " + address;
        }
        try {
            int port = Integer.parseInt(address.substring(colon + 1).strip());
            if (port < 1 || port > 65535) {
                return "address port must be from 1 to 65535, was " + address;
            }
        } catch (NumberFormatException e) {
            return "address must be host:port, was " + address;
        }
        return null;
    }
}
