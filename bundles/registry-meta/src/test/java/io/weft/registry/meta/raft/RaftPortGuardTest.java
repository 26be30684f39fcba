package io.weft.registry.meta.raft;

import static io.weft.registry.meta.raft.TestSupport.await;
import static io.weft.registry.meta.raft.TestSupport.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.weft.codec.bolt.guard.ConnectionRefusal;
import io.weft.codec.bolt.guard.FrameRefusal;
import io.weft.codec.bolt.guard.GuardLimits;
import io.weft.codec.bolt.guard.LogThrottle;
import io.weft.registry.meta.cluster.GuardedPort;
import io.weft.registry.meta.cluster.PortRefusals;
import io.weft.registry.meta.command.PutPersistentData;
import io.weft.registry.meta.command.SetPushSwitch;
import io.weft.registry.meta.state.PersistentKey;
import io.weft.registry.meta.state.PushSwitch;

/**
 * The guard on the raft port (9612) of a started one-member group: bad input closes its connection, is counted
 * and logged, and the group keeps committing. Issue #4, "Bad input": on any port.
 */
class RaftPortGuardTest {

    /** Low enough for a test to reach; a one-member group holds no connection of its own. */
    private static final int MAX_CONNECTIONS = 2;

    @TempDir
    Path dir;

    private final PortRefusals refusals = new PortRefusals();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger raftLogger = (Logger) LoggerFactory.getLogger("registry.raft");
    private MetaRaftNode node;
    private int port;

    @BeforeEach
    void start() {
        log.start();
        raftLogger.addAppender(log);
        port = TestSupport.freePorts(1).get(0);
        node = new MetaRaftNode(new MetaRaftOptions().port(port).dataDir(dir).evictIntervalMillis(0)
                .portLimits(new GuardLimits(MetaRaftOptions.DEFAULT_MAX_FRAME_BYTES,
                        MetaRaftOptions.DEFAULT_MAX_NEW_CONNECTIONS_PER_IP_PER_SECOND, MAX_CONNECTIONS))
                .refusals(refusals.listener(GuardedPort.RAFT, new LogThrottle(raftLogger, 10_000,
                        System::currentTimeMillis))));
        node.start();
        await("leader", node::isLeader);
    }

    @AfterEach
    void stop() {
        node.close();
        raftLogger.detachAppender(log);
    }

    @Test
    @DisplayName("REG-40 / bad input: garbage bytes on the raft port close the connection, are counted as malformed"
            + " and logged at ERROR, and the group still commits")
    void garbageClosed() throws Exception {
        try (Socket garbage = open()) {
            garbage.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals(-1, readUntilClosed(garbage.getInputStream()));
        }
        await("counted", () -> refusals.frames(GuardedPort.RAFT, FrameRefusal.MALFORMED) == 1);
        assertLogged("closed", "malformed Bolt frame: unknown protocol code 0x47");
        assertCommits(1);
    }

    @Test
    @DisplayName("REG-40 / bad input: a Bolt header announcing a frame above the raft port's limit (protocol 1 and"
            + " 2) closes the connection before the body, is counted as oversized and logged, and the group still"
            + " commits")
    void oversizedClosed() throws Exception {
        int tooLarge = MetaRaftOptions.DEFAULT_MAX_FRAME_BYTES + 1;
        try (Socket v1 = open(); Socket v2 = open()) {
            v1.getOutputStream().write(requestHeadV1(tooLarge));
            v2.getOutputStream().write(requestHeadV2(tooLarge));
            assertEquals(-1, readUntilClosed(v1.getInputStream()), "closed without waiting for the body");
            assertEquals(-1, readUntilClosed(v2.getInputStream()), "closed without waiting for the body");
        }
        await("counted", () -> refusals.frames(GuardedPort.RAFT, FrameRefusal.OVERSIZED) == 2);
        assertEquals(0, refusals.frames(GuardedPort.SESSION, FrameRefusal.OVERSIZED), "counted by port");
        assertLogged("closed", "more than the " + MetaRaftOptions.DEFAULT_MAX_FRAME_BYTES + " allowed");
        assertCommits(1);
    }

    @Test
    @DisplayName("REG-40 / bad input: past the raft port's maxConnections a new connection is closed at once,"
            + " counted and logged; the open ones stay and the group still commits")
    void connectionLimit() throws Exception {
        try (Socket first = open()) {
            await("first admitted", () -> node.raftPortConnections() == 1);
            try (Socket second = open()) {
                await("second admitted", () -> node.raftPortConnections() == 2);
                try (Socket refused = open()) {
                    assertEquals(-1, readUntilClosed(refused.getInputStream()), "the one past the limit is closed");
                }
                assertEquals(2, node.raftPortConnections(), "the open ones stay");
            }
        }
        await("counted", () -> refusals.connections(GuardedPort.RAFT, ConnectionRefusal.LIMIT) == 1);
        assertLogged("refused a connection from", MAX_CONNECTIONS + " connections are open");
        await("closed connections released", () -> node.raftPortConnections() == 0);
        assertCommits(2);
    }

    @Test
    @DisplayName("REG-40: stopping the member closes the connections its raft port accepted, so that its peers"
            + " reconnect to the member that listens next (an in-place update) instead of talking to a stopped one")
    void closeEndsAcceptedConnections() throws Exception {
        // Bolt does it for this port: it manages the raft port's connections (unlike the cluster ports', see
        // ClusterPorts) and closes them when it stops.
        try (Socket peer = open()) {
            TestSupport.assertAnswersHeartbeat(peer, 7);
            node.close();
            assertEquals(-1, readUntilClosed(peer.getInputStream()), "closed by the stopped member");
        }
    }

    /** The group commits a command after the bad input: {@code times} times, as many changes. */
    private void assertCommits(int times) throws Exception {
        for (int i = 1; i <= times; i++) {
            assertTrue(get(node.apply(new PutPersistentData("svc", "SOFA.CONFIG", "default", i, "override://" + i)))
                    .success());
        }
        assertTrue(get(node.apply(new SetPushSwitch(PushSwitch.CLOSED))).success());
        assertEquals(times, node.state().persistentData().get(new PersistentKey("svc", "SOFA.CONFIG", "default"))
                .version());
    }

    private void assertLogged(String... parts) {
        await("an ERROR line naming the raft port", () -> log.list.stream().anyMatch(e -> e.getLevel() == Level.ERROR
                && e.getFormattedMessage().contains("RAFT port")
                && List.of(parts).stream().allMatch(e.getFormattedMessage()::contains)));
    }

    private Socket open() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        return socket;
    }

    /**
     * A Bolt protocol 1 request header announcing {@code contentLength} bytes of content, none sent: proto, type,
     * cmdcode, ver2, requestId, codec, timeout, classLen, headerLen, contentLen.
     */
    private static byte[] requestHeadV1(int contentLength) {
        return ByteBuffer.allocate(22).put((byte) 1).put((byte) 1).putShort((short) 1).put((byte) 1).putInt(1)
                .put((byte) 11).putInt(3000).putShort((short) 0).putShort((short) 0).putInt(contentLength).array();
    }

    /** The same in protocol 2, version 1: proto, ver1, type, cmdcode, ver2, requestId, codec, switch, timeout, lengths. */
    private static byte[] requestHeadV2(int contentLength) {
        return ByteBuffer.allocate(24).put((byte) 2).put((byte) 1).put((byte) 1).putShort((short) 1).put((byte) 1)
                .putInt(1).put((byte) 11).put((byte) 0).putInt(3000).putShort((short) 0).putShort((short) 0)
                .putInt(contentLength).array();
    }

    /** Reads and drops what the server sends until it closes the connection. */
    private static int readUntilClosed(InputStream in) throws IOException {
        int b;
        do {
            b = in.read();
        } while (b != -1);
        return b;
    }
}
