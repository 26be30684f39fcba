package io.weft.registry.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.codec.bolt.guard.ConnectionRefusal;
import io.weft.codec.bolt.guard.FrameRefusal;
import io.weft.codec.bolt.guard.GuardLimits;
import io.weft.codec.bolt.guard.PortGuard;
import io.weft.codec.bolt.guard.RefusalListener;
import io.weft.registry.data.transport.BoltPort;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BoltPortTest {

    private static final RefusalListener IGNORED = new RefusalListener() {
        @Override
        public void frameRefused(FrameRefusal reason, SocketAddress remote, String detail) {
        }

        @Override
        public void connectionRefused(ConnectionRefusal reason, SocketAddress remote, int limit) {
        }
    };

    private BoltPort port;

    @BeforeEach
    void listen() {
        port = new BoltPort("test", "127.0.0.1", 0,
                PortGuard.of(new GuardLimits(1 << 20, 100, 100), System::currentTimeMillis, IGNORED));
        port.start();
    }

    @AfterEach
    void close() {
        port.close();
    }

    @Test
    @DisplayName("REG-52, REG-53: closing a data port closes the connections it accepted, so that sessions and peers"
            + " reconnect to the data server that listens next instead of talking to a closed port")
    void closeEndsAcceptedConnections() throws Exception {
        try (Socket session = open(); Socket peer = open()) {
            assertAnswersHeartbeat(session, 1);
            assertAnswersHeartbeat(peer, 2);

            port.close();
            assertEquals(-1, readUntilClosed(session.getInputStream()), "closed by the data server");
            assertEquals(-1, readUntilClosed(peer.getInputStream()), "closed by the data server");
        }
    }

    private Socket open() throws IOException {
        Socket socket = new Socket("127.0.0.1", port.port());
        socket.setSoTimeout(30_000); // a read that waits longer than any test should fails rather than hangs
        return socket;
    }

    /** A Bolt heartbeat on {@code socket} is answered: the connection was admitted and is served. */
    private static void assertAnswersHeartbeat(Socket socket, int requestId) throws IOException {
        socket.getOutputStream().write(BoltFrames.request(requestId, BoltFrames.CMD_HEARTBEAT, null, null));
        assertEquals(requestId, BoltFrames.readResponse(new DataInputStream(socket.getInputStream())).requestId());
    }

    private static int readUntilClosed(InputStream in) throws IOException {
        try {
            int b;
            do {
                b = in.read();
            } while (b != -1);
            return b;
        } catch (SocketException reset) {
            return -1;
        }
    }
}
