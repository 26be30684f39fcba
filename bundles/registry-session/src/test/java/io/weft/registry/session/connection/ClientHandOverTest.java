package io.weft.registry.session.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alipay.sofa.registry.core.model.RegisterResponse;
import io.weft.codec.bolt.BoltHessianSlot;
import io.weft.registry.session.Eventually;
import io.weft.registry.session.register.Registrations;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The steps of a stopping port's hand-over, on the port itself (decision record 0023). */
class ClientHandOverTest {

    private final BoltHessianSlot hessian = BoltHessianSlot.open();
    private final Registrations registrations = new Registrations();
    private BoltSessionServer port;
    private Socket socket;
    private DataInputStream in;

    @BeforeEach
    void start() throws IOException {
        port = TestPort.start(hessian, registrations);
        socket = new Socket("127.0.0.1", port.port());
        in = new DataInputStream(socket.getInputStream());
    }

    @AfterEach
    void stop() throws IOException {
        socket.close();
        port.close();
        hessian.close();
    }

    @Test
    @DisplayName("RCP-14: a publication during the hand-over is acknowledged and not applied; in its last moment a"
            + " request gets no answer, and the connection then closes")
    void acknowledgesThenHoldsThenCloses() throws IOException {
        send(publish(1, "served"));
        assertTrue(response().isSuccess());
        assertEquals(1, registrations.publishers().all().size());

        port.close(1_500, 60_000);

        send(publish(2, "acknowledged"));
        RegisterResponse acknowledged = response();
        assertTrue(acknowledged.isSuccess() && !acknowledged.isRefused(), acknowledged.getMessage());
        assertEquals(List.of("served"), registrations.publishers().all().stream()
                .map(p -> p.registId()).toList(), "the acknowledged publication is not applied");

        Eventually.await("the hand-over holds requests", () -> port.requestPolicy() == RequestPolicy.HOLD);
        send(publish(3, "held"));
        socket.setSoTimeout(1_000);
        assertThrows(SocketTimeoutException.class, () -> in.read(), "a held request is not answered");
        assertEquals(1, registrations.publishers().all().size());
    }

    @Test
    @DisplayName("RCP-14: the hand-over ends by closing the connection")
    void closesAfterTheHold() throws IOException {
        Eventually.await("the connection known", () -> port.connections().size() == 1);

        port.close(200, 100);

        socket.setSoTimeout(30_000);
        assertEquals(-1, in.read(), "the hand-over closed the connection");
    }

    @Test
    @DisplayName("RCP-14: a connection accepted as the port closes, and known to the session only after, is closed"
            + " too rather than left open with nothing serving it")
    void closesAConnectionAcceptedAsThePortCloses() throws IOException {
        try (Socket late = new Socket("127.0.0.1", port.port())) {
            port.close(200, 100);

            late.setSoTimeout(30_000);
            try {
                assertEquals(-1, late.getInputStream().read(), "the connection closed");
            } catch (SocketException reset) {
                // Closed before the session read from it: the kernel answers with a reset.
            }
        }
    }

    private RegisterResponse response() throws IOException {
        return TestPort.response(in);
    }

    private static byte[] publish(int requestId, String registId) throws IOException {
        return TestPort.publish(requestId, registId, "svc.handover");
    }

    private void send(byte[] frame) throws IOException {
        TestPort.send(socket, frame);
    }
}
