package io.weft.registry.session.connection;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** A channel's peer as the session's logs write it ({@code ip:port}) and as its limits count it (the ip). */
final class RemoteAddress {

    private RemoteAddress() {
    }

    /** {@code ip:port}, as registry-connect.log names clients. */
    static String text(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress() + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }

    /** The ip alone: what one client machine (or NAT) shares across its connections. */
    static String ip(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return String.valueOf(address);
    }
}
