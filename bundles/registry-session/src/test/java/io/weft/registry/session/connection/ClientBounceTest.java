package io.weft.registry.session.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alipay.sofa.registry.core.model.RegisterResponse;
import io.weft.codec.bolt.BoltHessianSlot;
import io.weft.registry.session.register.Registrations;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A shutting-down node's port sending its clients on to other sessions, on the port itself (decision record 0026). */
class ClientBounceTest {

    private final BoltHessianSlot hessian = BoltHessianSlot.open();
    private final Registrations registrations = new Registrations();
    private BoltSessionServer port;

    @BeforeEach
    void start() {
        port = TestPort.start(hessian, registrations);
    }

    @AfterEach
    void stop() {
        port.close();
        hessian.close();
    }

    @Test
    @DisplayName("RCP-14: a node stopping in a cluster closes its clients' connections but keeps them registered"
            + " (they come back through another session); a client that comes back to it gets no answer and its"
            + " connection closed again; then the bounce ends")
    void closesAndClosesAgain() throws Exception {
        try (Socket before = new Socket("127.0.0.1", port.port())) {
            DataInputStream in = new DataInputStream(before.getInputStream());
            send(before, publish(1, "served"));
            assertTrue(response(in).isSuccess());

            CompletableFuture<Boolean> bounce = CompletableFuture.supplyAsync(() -> port.bounceClients(60_000));

            assertClosed(before);
            assertEquals(List.of("served"), registIds(), "no client-off: the client registers again elsewhere");

            try (Socket back = new Socket("127.0.0.1", port.port())) {
                send(back, publish(2, "held"));

                assertClosed(back);
                assertEquals(List.of("served"), registIds(), "the request on the connection that came back is not"
                        + " applied");
            }
            assertTrue(bounce.get(30, TimeUnit.SECONDS), "the bounce ends once no client comes back");
        }
    }

    @Test
    @DisplayName("RCP-14: with no client connected there is nothing to send on: the port goes on serving until it"
            + " is closed")
    void nothingToBounce() throws Exception {
        assertTrue(port.bounceClients(60_000));

        try (Socket late = new Socket("127.0.0.1", port.port())) {
            send(late, publish(1, "applied"));
            assertTrue(response(new DataInputStream(late.getInputStream())).isSuccess());
        }
        assertEquals(List.of("applied"), registIds());
    }

    private List<String> registIds() {
        return registrations.publishers().all().stream().map(p -> p.registId()).toList();
    }

    private static void assertClosed(Socket socket) throws IOException {
        socket.setSoTimeout(30_000);
        try {
            assertEquals(-1, socket.getInputStream().read(), "the server closed the connection");
        } catch (SocketException reset) {
            // Closed with bytes unread: the kernel answers with a reset.
        }
    }

    private static RegisterResponse response(DataInputStream in) throws IOException {
        return TestPort.response(in);
    }

    private static byte[] publish(int requestId, String registId) throws IOException {
        return TestPort.publish(requestId, registId, "svc.bounce");
    }

    private static void send(Socket socket, byte[] frame) throws IOException {
        TestPort.send(socket, frame);
    }
}
