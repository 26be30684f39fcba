package io.weft.codec.bolt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alipay.remoting.rpc.RpcServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BoltServerStopTest {

    @Test
    @DisplayName("A stopped Bolt server's port is free when stop returns: a new server starts on it at once")
    void portFreeOnReturn() {
        RpcServer first = new RpcServer("127.0.0.1", 0, false);
        first.startup();
        int port = first.port();
        assertTrue(BoltServerStop.stop(first::shutdown, "127.0.0.1", port, BoltServerStop.DEFAULT_WAIT));
        RpcServer second = new RpcServer("127.0.0.1", port, false);
        try {
            second.startup(); // throws if the port were still held
        } finally {
            BoltServerStop.stop(second::shutdown, "127.0.0.1", port, BoltServerStop.DEFAULT_WAIT);
        }
    }

    @Test
    @DisplayName("A port something else keeps is reported as not freed once the wait is over")
    void portKeptElsewhere() throws Exception {
        try (ServerSocket other = new ServerSocket()) {
            other.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            assertFalse(BoltServerStop.stop(() -> { }, "127.0.0.1", other.getLocalPort(), Duration.ofMillis(50)));
        }
    }
}
