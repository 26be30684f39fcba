package io.weft.registry.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.codec.bolt.BoltHessianSlot;
import io.weft.registry.session.realclient.DiscoveryEndpoint;
import io.weft.registry.session.realclient.RealClients;
import java.net.Socket;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Real clients of a session whose node shuts down move to the cluster's other session while its port still
 * listens (decision record 0026): none of them meets a refused port and its 0-5 s sleep.
 */
class ShutdownBounceTest {

    private static final int CLIENTS = 8;

    private final BoltHessianSlot hessian = BoltHessianSlot.open();
    private final SessionNode first = new SessionNode(hessian, () -> null, Clock.systemUTC());
    private final SessionNode second = new SessionNode(hessian, () -> null, Clock.systemUTC());

    @Test
    @DisplayName("RCP-14: a session alone has nowhere to send its clients: its node's shutdown closes the port at"
            + " once")
    void aloneClosesAtOnce() throws Exception {
        first.apply(SessionOptions.defaults("127.0.0.1").withPort(0), "127.0.0.1");
        try (Socket client = new Socket("127.0.0.1", first.boundPort().orElseThrow())) {
            Eventually.await("the client connected", () -> first.connections().size() == 1);

            assertFalse(first.shutDown(60_000), "no client sent on");

            assertTrue(first.boundPort().isEmpty(), "the port is closed");
        }
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
        hessian.close();
    }

    @Test
    @DisplayName("RCP-14: the clients of a session that shuts down in a cluster all register again on the other"
            + " session before its port closes")
    void clientsMoveBeforeThePortCloses() throws Exception {
        first.apply(SessionOptions.defaults("127.0.0.1").withPort(0), "127.0.0.1");
        second.apply(SessionOptions.defaults("127.0.0.1").withPort(0), "127.0.0.1");
        int firstPort = first.boundPort().orElseThrow();
        int secondPort = second.boundPort().orElseThrow();
        try (DiscoveryEndpoint discovery = new DiscoveryEndpoint(firstPort, List.of(secondPort));
                RealClients clients = new RealClients()) {
            for (int i = 0; i < CLIENTS; i++) {
                clients.start(discovery.port(), "app" + i).publish("svc.bounce." + i, "SOFA", "v" + i);
            }
            Eventually.await("every client registered on one session or the other",
                    () -> first.publishers() + second.publishers() == CLIENTS);
            // The clients picked at random: the session with more of them leaves.
            SessionNode leaving = first.publishers() >= second.publishers() ? first : second;
            SessionNode staying = leaving == first ? second : first;
            int port = leaving.boundPort().orElseThrow();

            assertTrue(leaving.bounceClients(60_000), "no client was still coming back when the bounce ended");

            assertEquals(0, leaving.connections().size(), "no client connection left on the leaving session");
            assertEquals(port, leaving.boundPort().orElseThrow(), "its port still listens");
            Eventually.await("every client's publisher registered on the staying session",
                    () -> staying.publishers() == CLIENTS);
            assertEquals(CLIENTS, staying.connections().size());
        }
    }
}
