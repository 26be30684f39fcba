package io.weft.codec.bolt.guard;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** A channel's peer as the registry's logs write it ({@code ip:port}) and as the connection limits count it (the ip). */
public final class RemoteAddress {

    private RemoteAddress() {
    }

    /** {@code ip:port}, as registry-connect.log names clients. */
    public static String text(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress() + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }

    /** The ip alone: what one client machine (or NAT) shares across its connections. */
    public static String ip(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return String.valueOf(address);
    }
}
