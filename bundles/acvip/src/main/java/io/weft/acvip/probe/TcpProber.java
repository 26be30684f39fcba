package io.weft.acvip.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import io.weft.api.acvip.ServiceAddress;

/**
 * Reachable means a TCP connection to the address's port opens within the timeout; it is closed at
 * once. Every product ACVIP lists (Bolt, Kafka, HTTP) accepts a bare connect, so no protocol is spoken.
 */
public final class TcpProber implements Prober {

    @Override
    public boolean reachable(ServiceAddress address, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.host(), address.port()),
                    (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
