package io.weft.platform.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Tells before start whether a server port of the node is free, so a taken port is reported by
 * name ("port 8341 on 127.0.0.1 is already in use") instead of as a bind failure deep in a library.
 */
public final class PortCheck {

    private PortCheck() {
    }

    /** @return null when the port can be bound, else why not */
    public static String problem(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return null;
        } catch (IOException e) {
            return "port " + port + " on " + host + " is already in use or cannot be bound (" + e.getMessage() + ")";
        }
    }
}
