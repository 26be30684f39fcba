package io.weft.registry.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.codec.bolt.guard.ConnectionRefusal;
import io.weft.codec.bolt.guard.FrameRefusal;
import io.weft.codec.bolt.guard.GuardLimits;
import io.weft.registry.data.monitor.DataCounts;
import io.weft.registry.protocol.PublishRequest;
import io.weft.registry.protocol.SlotSnapshot;
import io.weft.registry.protocol.SlotSyncRequest;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The guard in front of Bolt's decoder on the data server's session port (9620, REG-52) and replication port
 * (9621, REG-53): raw sockets send what no session or data server sends; the refusal is counted and logged, and the
 * port keeps serving real requests (ARCHITECTURE §5). One data server leading the only slot, with at most
 * {@value #MAX_CONNECTIONS} connections a port.
 */
class DataPortGuardTest {

    private static final int MAX_CONNECTIONS = 3;
    private static final String LED_HERE = Tables.idInSlot(0, 1);

    private final LogCapture dataLog = new LogCapture("registry.data");
    private FakeMeta meta;
    private TestServers servers;
    private DataServer server;
    private TestSession session;
    private String address;

    @BeforeEach
    void start() {
        meta = new FakeMeta();
        servers = new TestServers(meta.address());
        server = servers.start(new GuardLimits(DataServerOptions.DEFAULT_MAX_FRAME_BYTES,
                DataServerOptions.DEFAULT_MAX_NEW_CONNECTIONS_PER_IP_PER_SECOND, MAX_CONNECTIONS));
        address = server.address();
        meta.dataNodes(address);
        meta.table(Tables.table(1, 1, id -> Tables.slot(0, address)));
        Eventually.await("the data server works", server::working);
        session = new TestSession("session-process-1");
    }

    @AfterEach
    void stop() {
        session.close();
        servers.close();
        meta.close();
        dataLog.close();
    }

    @Test
    @DisplayName("ARCHITECTURE §5, REG-52: a frame announcing more than maxFrameBytes on the session port closes its"
            + " connection before its body comes; counted, logged, and the port keeps serving")
    void oversizedOnSessionPort() throws Exception {
        try (Socket socket = open(server.sessionPort())) {
            socket.getOutputStream().write(BoltFrames.requestHead(1, PublishRequest.class.getName(),
                    64 * 1024 * 1024));
            long announced = 22 + PublishRequest.class.getName().length() + 64 * 1024 * 1024;

            assertEquals(-1, readUntilClosed(socket.getInputStream()), "closed without waiting for the body");
            Eventually.await("the refusal counted", () -> counts().refusedFrames("session", FrameRefusal.OVERSIZED) == 1);
            String peer = "127.0.0.1:" + socket.getLocalPort();
            Eventually.await("the refusal logged", () -> dataLog.contains("[data] session port: closed " + peer
                    + ": a Bolt frame of " + announced + " bytes announced, more than the "
                    + DataServerOptions.DEFAULT_MAX_FRAME_BYTES + " allowed"));
        }
        assertTrue(session.publish(address, LED_HERE, "register-1", "a").isSuccess(), "still serving");
        assertEquals(0, counts().refusedFrames("replication", FrameRefusal.OVERSIZED), "counted by port");
    }

    @Test
    @DisplayName("ARCHITECTURE §5, REG-52: a header Bolt cannot read (garbage) on the session port closes its"
            + " connection; counted, logged, and the port keeps serving")
    void garbageOnSessionPort() throws Exception {
        try (Socket socket = open(server.sessionPort())) {
            socket.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes());

            assertEquals(-1, readUntilClosed(socket.getInputStream()));
            Eventually.await("the refusal counted", () -> counts().refusedFrames("session", FrameRefusal.MALFORMED) == 1);
            Eventually.await("the refusal logged",
                    () -> dataLog.contains("malformed Bolt frame: unknown protocol code 0x47"));
        }
        assertTrue(session.publish(address, LED_HERE, "register-1", "a").isSuccess(), "still serving");
    }

    @Test
    @DisplayName("ARCHITECTURE §5, REG-53: an oversized frame and garbage on the replication port close their"
            + " connections; counted, and the port keeps answering slot sync")
    void badInputOnReplicationPort() throws Exception {
        String replication = "127.0.0.1:" + server.replicationPort();
        try (Socket oversized = open(server.replicationPort());
                Socket garbage = open(server.replicationPort())) {
            oversized.getOutputStream().write(BoltFrames.requestHead(1, SlotSyncRequest.class.getName(),
                    Integer.MAX_VALUE));
            garbage.getOutputStream().write(new byte[] {1, 9, 0, 1});

            assertEquals(-1, readUntilClosed(oversized.getInputStream()));
            assertEquals(-1, readUntilClosed(garbage.getInputStream()));
        }
        Eventually.await("both refusals counted",
                () -> counts().refusedFrames("replication", FrameRefusal.OVERSIZED) == 1
                        && counts().refusedFrames("replication", FrameRefusal.MALFORMED) == 1);
        // One line per port and address in ten seconds: whichever of the two came first is logged.
        Eventually.await("the refusal logged", () -> dataLog.contains("[data] replication port: closed 127.0.0.1:"));

        SlotSyncRequest sync = new SlotSyncRequest();
        sync.setSlotId(0);
        SlotSnapshot snapshot = session.call(replication, sync);
        assertTrue(snapshot.isSuccess(), "still serving: " + snapshot.getMessage());
    }

    @Test
    @DisplayName("ARCHITECTURE §5, REG-52: past maxConnections a new connection is closed at once; counted, logged,"
            + " and the connections already open keep being served")
    void connectionLimit() throws Exception {
        assertTrue(session.publish(address, LED_HERE, "register-1", "a").isSuccess(), "the session's connection");
        try (Socket second = open(server.sessionPort()); Socket third = open(server.sessionPort())) {
            // Channels are set up on several event loops: each answers before the next opens, so which one goes
            // past the limit is known.
            assertAnswers(second, 5);
            assertAnswers(third, 6);
            try (Socket refused = open(server.sessionPort())) {
                assertEquals(-1, readUntilClosed(refused.getInputStream()), "the one past the limit is closed");
                String peer = "127.0.0.1:" + refused.getLocalPort();
                Eventually.await("the refusal logged", () -> dataLog.contains("[data] session port: refused a"
                        + " connection from " + peer + ": " + MAX_CONNECTIONS + " connections are open"));
            }
            Eventually.await("the refusal counted",
                    () -> counts().refusedConnections("session", ConnectionRefusal.LIMIT) == 1);
            assertAnswers(second, 7);
        }
        assertTrue(session.publish(address, LED_HERE, "register-2", "b").isSuccess(), "still serving");
    }

    /** A heartbeat on {@code socket} gets its answer: the connection was admitted and is served. */
    private static void assertAnswers(Socket socket, int requestId) throws IOException {
        socket.getOutputStream().write(BoltFrames.request(requestId, BoltFrames.CMD_HEARTBEAT, null, null));
        assertEquals(requestId, BoltFrames.readResponse(new DataInputStream(socket.getInputStream())).requestId(),
                "an admitted connection answers");
    }

    private DataCounts counts() {
        return server.counts();
    }

    /** A raw connection; a read that waits longer than any test should fails rather than hangs. */
    private static Socket open(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        return socket;
    }

    /** Reads and drops what the server sends (its heartbeats) until it closes the connection. */
    private static int readUntilClosed(InputStream in) throws IOException {
        int b;
        while ((b = in.read()) != -1) {
            // Bolt's own frames, if any, before the close.
        }
        return b;
    }
}
