package io.weft.registry.session;

import io.weft.codec.bolt.BoltHessianSlot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.registry.session.connection.ClientLimits;
import io.weft.registry.session.ops.HealthCheck;
import io.weft.registry.session.realclient.DiscoveryEndpoint;
import io.weft.registry.session.realclient.RealClients;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SessionNodeTest {

    /** Bolt's Hessian codec byte, owned as the codec bundle owns it in a node. */
    private final BoltHessianSlot hessian = BoltHessianSlot.open();

    private final SessionNode node = new SessionNode(hessian, () -> null, Clock.systemUTC());

    @AfterEach
    void close() {
        node.close();
        hessian.close();
    }

    private static SessionOptions options(int port) {
        return SessionOptions.defaults("127.0.0.1").withPort(port);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    @DisplayName("RCP-16, REG-11: a started node listens and advertises advertisedHost:port")
    void listens() {
        assertTrue(node.apply(options(0), "10.1.2.3"));
        int port = node.boundPort().orElseThrow();
        assertTrue(accepts(port));
        assertEquals(Optional.of("10.1.2.3:" + port), node.boltEndpoint());
        assertTrue(new HealthCheck(node).check().success());
    }

    @Test
    @DisplayName("REG-3: a changed advertised host alone does not restart the client port")
    void advertisedHostOnly() {
        node.apply(options(0), "127.0.0.1");
        int port = node.boundPort().orElseThrow();
        node.apply(options(0), "10.9.9.9");
        assertEquals(port, node.boundPort().orElseThrow());
        assertEquals(Optional.of("10.9.9.9:" + port), node.boltEndpoint());
    }

    @Test
    @DisplayName("REG-3: a port change restarts the client port on the new port; push switch state is kept")
    void portChange() throws IOException {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        }
        node.apply(options(0), "127.0.0.1");
        int first = node.boundPort().orElseThrow();
        node.pushSwitch().close();

        assertTrue(node.apply(options(free), "127.0.0.1"));

        assertEquals(free, node.boundPort().orElseThrow());
        assertNotEquals(first, free);
        assertTrue(accepts(free));
        assertFalse(node.pushSwitch().isOpen());
    }

    @Test
    @DisplayName("OPS-4: a client port that cannot be bound leaves the node up, health down; the next apply retries")
    void portTaken() throws IOException {
        int port;
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            port = taken.getLocalPort();
            assertFalse(node.apply(options(port), "127.0.0.1"));
            assertTrue(node.boltEndpoint().isEmpty());
            HealthCheck.Result health = new HealthCheck(node).check();
            assertFalse(health.success());
            assertTrue(health.message().contains("boltServer:false"), health.message());
        }
        assertTrue(node.apply(options(port), "127.0.0.1"));
        assertEquals(Optional.of("127.0.0.1:" + port), node.boltEndpoint());
    }

    @Test
    @DisplayName("REG-81: counts are zero with no client and a closed node no longer listens")
    void countsAndClose() {
        node.apply(options(0), "127.0.0.1");
        assertEquals(0, node.publishers());
        assertEquals(0, node.subscribers());
        assertEquals(0, node.connections().size());
        node.close();
        assertTrue(node.boundPort().isEmpty());
        assertTrue(node.boltEndpoint().isEmpty());
    }

    @Test
    @DisplayName("RCP-14: a restart of the client port drops the clients' connections, so they reconnect and replay")
    void restartMakesClientsReplay() throws Exception {
        restartAndReplay();
    }

    @Test
    @DisplayName("RCP-14: with a restart hand-over the real client moves to the new port when its old connection"
            + " closes, registers again and gets pushes")
    void restartWithHandover() throws Exception {
        node.restartHandoverMillis(500);
        restartAndReplay();
    }

    private void restartAndReplay() throws Exception {
        node.apply(options(0), "127.0.0.1");
        int port = node.boundPort().orElseThrow();
        try (DiscoveryEndpoint discovery = new DiscoveryEndpoint(port); RealClients clients = new RealClients()) {
            List<Map<String, List<String>>> seen = new CopyOnWriteArrayList<>();
            clients.start(discovery.port(), "consumer").subscribe("svc.restart", "SOFA", seen::add);
            Eventually.await("the subscriber registered", () -> node.subscribers() == 1);
            SessionOptions slowerPush = new SessionOptions("127.0.0.1", port, "DefaultDataCenter", "DEFAULT_ZONE",
                    false, ClientLimits.defaults(), 4000, 5, 1000, 30_000);

            assertTrue(node.apply(slowerPush, "127.0.0.1"));

            Eventually.await("the subscriber registered again on the new server", () -> node.subscribers() == 1);
            clients.start(discovery.port(), "provider").publish("svc.restart", "SOFA", "after");
            Eventually.await("the subscriber gets the publication made after the restart", () -> !seen.isEmpty()
                    && seen.get(seen.size() - 1).values().stream().flatMap(List::stream).toList()
                            .equals(List.of("after")));
        }
    }

    @Test
    @DisplayName("REG-3: another option's change restarts the client port on the same port")
    void samePortRestart() {
        node.apply(options(0), "127.0.0.1");
        int port = node.boundPort().orElseThrow();
        SessionOptions fixed = options(port);
        SessionOptions otherDataCenter = new SessionOptions(fixed.host(), port, "dc2", fixed.zone(),
                fixed.signatureRequired(), fixed.limits(), fixed.pushTimeoutMillis(),
                fixed.pushCoalesceMillis(), fixed.pushRetryMillis(), fixed.syncConfigRetryMillis());
        assertTrue(node.apply(fixed, "127.0.0.1"));

        assertTrue(node.apply(otherDataCenter, "127.0.0.1"));

        assertEquals(port, node.boundPort().orElseThrow());
        assertTrue(accepts(port));
    }
}
