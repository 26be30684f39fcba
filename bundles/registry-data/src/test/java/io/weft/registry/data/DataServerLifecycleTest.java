package io.weft.registry.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.weft.registry.data.monitor.DataCounts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DataServerLifecycleTest {

    @Test
    @DisplayName("A stopped data server leaves no port and no thread of its own behind")
    void stopLeavesNothing() throws Exception {
        try (FakeMeta meta = new FakeMeta(); TestSession session = new TestSession("session-process-1")) {
            DataServer server = new DataServer(TestHessian.SLOT, TestServers.options(List.of(meta.address())), new DataCounts(),
                    Clock.systemUTC());
            server.start();
            meta.table(Tables.all(1, 2, server.address()));
            Eventually.await("working", server::working);
            session.publish(server.address(), "com.example.A#@#DEFAULT_INSTANCE_ID#@#SOFA", "r1", "x");
            int sessionPort = server.sessionPort();
            int replicationPort = server.replicationPort();
            assertFalse(ownThreads().isEmpty(), "threads run while it runs");

            server.close();

            assertEquals(List.of(), ownThreads());
            bind(sessionPort);
            bind(replicationPort);
        }
    }

    @Test
    @DisplayName("A port that cannot be bound fails the start and leaves nothing running")
    void portTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            DataServerOptions base = TestServers.options(List.of("127.0.0.1:9611"));
            DataServerOptions options = new DataServerOptions(base.bindAddress(), base.advertisedHost(),
                    taken.getLocalPort(), 0, base.metaServers(), base.dataCenter(), base.zone(),
                    base.heartbeatMillis(), base.leaseMillis(), base.leaseCheckMillis(), base.notifyRetries(),
                    base.notifyRetryMillis(), base.requestTimeoutMillis(), base.maxPayloadBytes());
            DataServer server = new DataServer(TestHessian.SLOT, options, new DataCounts(), Clock.systemUTC());

            assertThrows(IllegalStateException.class, server::start);

            assertEquals(List.of(), ownThreads());
        }
    }

    private static List<String> ownThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("weft-data-"))
                .toList();
    }

    private static void bind(int port) throws IOException {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, socket.getLocalPort());
        }
    }
}
