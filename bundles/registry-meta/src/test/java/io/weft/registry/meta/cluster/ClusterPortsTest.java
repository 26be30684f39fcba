package io.weft.registry.meta.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.alipay.remoting.BizContext;
import com.alipay.remoting.rpc.RpcClient;
import com.alipay.remoting.rpc.protocol.SyncUserProcessor;

import io.weft.codec.bolt.BoltHessianSlot;
import io.weft.codec.bolt.guard.ConnectionRefusal;
import io.weft.codec.bolt.guard.FrameRefusal;
import io.weft.codec.bolt.guard.GuardLimits;
import io.weft.registry.data.DataServer;
import io.weft.registry.data.DataServerOptions;
import io.weft.registry.data.monitor.DataCounts;
import io.weft.registry.meta.command.PutPersistentData;
import io.weft.registry.meta.command.SetPushSwitch;
import io.weft.registry.meta.raft.MetaRaftNode;
import io.weft.registry.meta.raft.MetaRaftOptions;
import io.weft.registry.meta.raft.TestSupport;
import io.weft.registry.meta.state.NodeRole;
import io.weft.registry.meta.state.PushSwitch;
import io.weft.registry.protocol.ClusterView;
import io.weft.registry.protocol.NodeHeartbeat;
import io.weft.registry.protocol.Ping;
import io.weft.registry.protocol.ProtocolClasses;
import io.weft.registry.protocol.RegistryRoles;
import io.weft.registry.protocol.ViewChanged;

/** The meta's 9610/9611 (decision record 0021) on a one-member group, with a Bolt client and a real data server. */
class ClusterPortsTest {

    /** Bolt's Hessian codec byte, owned as the codec bundle owns it in a node. */
    private static final BoltHessianSlot HESSIAN = BoltHessianSlot.open();

    @TempDir
    Path dir;

    /** Connections each port holds, low enough for a test to reach. */
    private static final int MAX_CONNECTIONS = 3;
    /** Short, so a test sees it; the server timeout stays at its 30 s, which no test here waits for. */
    private static final long DISCONNECTED_TIMEOUT_MILLIS = 300;

    private final PortRefusals refusals = new PortRefusals();
    private MetaRaftNode raft;
    private ClusterPorts ports;
    private RpcClient client;
    private int sessionPort;
    private int dataPort;

    @BeforeEach
    void start() {
        List<Integer> free = TestSupport.freePorts(3);
        raft = new MetaRaftNode(new MetaRaftOptions().port(free.get(0)).dataDir(dir));
        raft.start();
        TestSupport.await("leader", raft::isLeader);
        sessionPort = free.get(1);
        dataPort = free.get(2);
        ports = new ClusterPorts(HESSIAN, "127.0.0.1", sessionPort, dataPort, raft, Clock.systemUTC(),
                new GuardLimits(ClusterPorts.DEFAULT_MAX_FRAME_BYTES,
                        ClusterPorts.DEFAULT_MAX_NEW_CONNECTIONS_PER_IP_PER_SECOND, MAX_CONNECTIONS), refusals,
                DISCONNECTED_TIMEOUT_MILLIS);
        ports.start();
        client = new RpcClient();
        client.startup();
    }

    @AfterEach
    void stop() {
        client.shutdown();
        ports.close();
        raft.close();
    }

    @Test
    @DisplayName("REG-40, REG-50: a session's heartbeat on 9610 registers it; the view lists it, the members, the"
            + " push switch, the persistent data, and the slot table only for an older epoch")
    void sessionHeartbeat() throws Exception {
        ClusterView first = heartbeat(sessionPort, RegistryRoles.SESSION, "127.0.0.1:9600", -1);
        assertTrue(first.isSuccess(), first.toString());
        assertEquals(List.of("127.0.0.1:9600"), first.getSessionNodes());
        assertEquals("127.0.0.1:" + sessionPort, first.getLeader());
        assertEquals(List.of("127.0.0.1:" + sessionPort), first.getMetaNodes());
        assertTrue(first.isPushOpen());
        assertNotNull(first.getSlotTable(), "the caller has no table yet");

        TestSupport.get(raft.apply(new SetPushSwitch(PushSwitch.CLOSED)));
        TestSupport.get(raft.apply(new PutPersistentData("svc", "SOFA.CONFIG", "default", 5L,
                "override://10.0.0.1:12200?weight=0")));
        ClusterView next = heartbeat(sessionPort, RegistryRoles.SESSION, "127.0.0.1:9600",
                first.getSlotTable().getEpoch());
        assertFalse(next.isPushOpen(), "REG-61: the closed switch reaches the sessions");
        assertNull(next.getSlotTable(), "the caller's table is current");
        assertEquals(1, next.getPersistentData().size());
        assertEquals("override://10.0.0.1:12200?weight=0", next.getPersistentData().get(0).getData());
        assertEquals(5L, next.getPersistentData().get(0).getVersion());

        ClusterView ping = (ClusterView) client.invokeSync("127.0.0.1:" + sessionPort, ping(), 5000);
        assertTrue(ping.isSuccess());
        assertEquals("127.0.0.1:" + sessionPort, ping.getLeader());
    }

    @Test
    @DisplayName("RCP-20, REG-50, REG-61: a session whose heartbeat asks for view notices gets one on that connection"
            + " at each change of the view (servers, slot table, persistent data, push switch), none for a renewal;"
            + " a data server that did not ask gets none")
    void viewNotices() throws Exception {
        List<String> notices = new CopyOnWriteArrayList<>();
        client.registerUserProcessor(new SyncUserProcessor<ViewChanged>() {
            @Override
            public Object handleRequest(BizContext context, ViewChanged notice) {
                notices.add(notice.getWhat() + " @" + context.getConnection().getRemoteAddress().getPort());
                return null;
            }

            @Override
            public String interest() {
                return ViewChanged.class.getName();
            }

            @Override
            public ClassLoader getBizClassLoader() {
                return ProtocolClasses.classLoader();
            }
        });
        String fromSessionPort = " @" + sessionPort;

        NodeHeartbeat asking = beat(RegistryRoles.SESSION, "127.0.0.1:9600", -1);
        asking.setViewNotices(true);
        ClusterView first = (ClusterView) client.invokeSync("127.0.0.1:" + sessionPort, asking, 5000);
        TestSupport.await("the session's own registration noticed", () -> notices.size() == 1);
        assertEquals("session servers" + fromSessionPort, notices.get(0));

        heartbeat(dataPort, RegistryRoles.DATA, "127.0.0.1:9620", -1);
        TestSupport.await("the data server's registration noticed", () -> notices.size() == 2);
        assertTrue(notices.get(1).startsWith("data servers") && notices.get(1).endsWith(fromSessionPort), notices.toString());

        asking.setSlotTableEpoch(first.getSlotTable().getEpoch());
        client.invokeSync("127.0.0.1:" + sessionPort, asking, 5000); // a renewal: no notice
        TestSupport.get(raft.apply(new PutPersistentData("svc", "SOFA.CONFIG", "default", 5L,
                "override://10.0.0.1:12200?disabled=true")));
        TestSupport.await("the persistent data noticed", () -> notices.size() == 3);
        TestSupport.get(raft.apply(new SetPushSwitch(PushSwitch.CLOSED)));
        TestSupport.await("the push switch noticed", () -> notices.size() == 4);

        assertEquals(List.of("persistent data" + fromSessionPort, "push switch" + fromSessionPort),
                notices.subList(2, 4), "nothing for the renewal, nothing on the data port: " + notices);
    }

    @Test
    @DisplayName("REG-32, REG-51: a data server whose heartbeat connection closes and that sends no heartbeat since"
            + " is evicted after the short disconnected timeout, long before the server timeout; one that reconnects"
            + " and heartbeats is kept")
    void disconnectedServerEvicted() throws Exception {
        heartbeat(dataPort, RegistryRoles.DATA, "127.0.0.1:9620", -1);
        heartbeat(dataPort, RegistryRoles.DATA, "127.0.0.1:9720", -1);
        assertEquals(List.of("127.0.0.1:9620", "127.0.0.1:9720"), List.copyOf(raft.state().dataNodes().keySet()));

        // Both heartbeat on the test client's one connection to the data port: it closes, as a killed process's does.
        client.closeConnection("127.0.0.1:" + dataPort);
        heartbeat(dataPort, RegistryRoles.DATA, "127.0.0.1:9720", -1); // this one lives: it reconnects at once

        TestSupport.await("the silent one evicted", () -> !raft.state().dataNodes().containsKey("127.0.0.1:9620"));
        Thread.sleep(3 * DISCONNECTED_TIMEOUT_MILLIS);
        assertEquals(List.of("127.0.0.1:9720"), List.copyOf(raft.state().dataNodes().keySet()),
                "the one that sent a heartbeat again is kept");
    }

    @Test
    @DisplayName("ARCHITECTURE §5: a heartbeat without an address, with a bad address, or of the wrong role for"
            + " the port is refused saying why, and the port keeps serving")
    void badHeartbeats() throws Exception {
        assertRefused(heartbeat(sessionPort, RegistryRoles.SESSION, null, -1), "address is required");
        assertRefused(heartbeat(sessionPort, RegistryRoles.SESSION, "no-port", -1), "address must be host:port");
        assertRefused(heartbeat(sessionPort, RegistryRoles.DATA, "127.0.0.1:9620", -1), "role DATA on the SESSION port");
        assertRefused(heartbeat(dataPort, "SCHEDULER", "127.0.0.1:9620", -1), "role SCHEDULER");
        assertTrue(raft.state().dataNodes().isEmpty() && raft.state().sessionNodes().isEmpty());

        assertTrue(heartbeat(dataPort, RegistryRoles.DATA, "127.0.0.1:9620", -1).isSuccess());
        assertEquals(List.of("127.0.0.1:9620"), List.copyOf(raft.state().dataNodes().keySet()));
    }

    @Test
    @DisplayName("REG-31, REG-51: a real data server pointed at 9611 registers, gets the slot table and goes to WORK")
    void realDataServerGoesToWork() {
        DataServerOptions options = new DataServerOptions("127.0.0.1", "127.0.0.1", 0, 0,
                List.of("127.0.0.1:" + dataPort), "DC1", "ZONE_A", 50, 30_000, 1000, 2, 50, 5000, 1024 * 1024);
        try (DataServer data = new DataServer(HESSIAN, options, new DataCounts(), Clock.systemUTC())) {
            data.start();
            TestSupport.await("the data server at WORK", data::working);
            assertEquals(List.of(data.address()), List.copyOf(raft.state().dataNodes().keySet()));
            assertTrue(raft.state().slotTable().leaderCount(data.address()) > 0,
                    "every slot is led by the only data server");
        }
    }

    @Test
    @DisplayName("ARCHITECTURE §5, REG-50, REG-51: a frame announcing more than maxFrameBytes, or a header Bolt"
            + " cannot read, closes its connection on 9610 and 9611; counted by port, and both keep serving")
    void badFramesClosed() throws Exception {
        for (int port : List.of(sessionPort, dataPort)) {
            try (Socket oversized = open(port); Socket garbage = open(port)) {
                oversized.getOutputStream().write(requestHead(NodeHeartbeat.class.getName(), 64 * 1024 * 1024));
                garbage.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

                assertEquals(-1, readUntilClosed(oversized.getInputStream()), "closed without waiting for the body");
                assertEquals(-1, readUntilClosed(garbage.getInputStream()));
            }
        }
        for (NodeRole port : NodeRole.values()) {
            TestSupport.await(port + " refusals counted", () -> refusals.frames(port, FrameRefusal.OVERSIZED) == 1
                    && refusals.frames(port, FrameRefusal.MALFORMED) == 1);
        }

        assertTrue(heartbeat(sessionPort, RegistryRoles.SESSION, "127.0.0.1:9600", -1).isSuccess());
        assertTrue(heartbeat(dataPort, RegistryRoles.DATA, "127.0.0.1:9620", -1).isSuccess());
    }

    @Test
    @DisplayName("ARCHITECTURE §5, REG-51: past maxConnections a new connection to 9611 is closed at once; counted,"
            + " and the connection already open keeps being served")
    void connectionLimit() throws Exception {
        assertTrue(heartbeat(dataPort, RegistryRoles.DATA, "127.0.0.1:9620", -1).isSuccess(), "the client's one");
        try (Socket second = open(dataPort)) {
            // Channels are set up on several event loops: each is admitted before the next opens, so which one
            // goes past the limit is known.
            TestSupport.assertAnswersHeartbeat(second, 5);
            try (Socket third = open(dataPort)) {
                TestSupport.assertAnswersHeartbeat(third, 6);
                try (Socket refused = open(dataPort)) {
                    assertEquals(-1, readUntilClosed(refused.getInputStream()), "the one past the limit is closed");
                }
            }
        }
        TestSupport.await("the refusal counted",
                () -> refusals.connections(NodeRole.DATA, ConnectionRefusal.LIMIT) == 1);
        assertEquals(0, refusals.connections(NodeRole.SESSION, ConnectionRefusal.LIMIT), "counted by port");
        assertTrue(heartbeat(dataPort, RegistryRoles.DATA, "127.0.0.1:9620", -1).isSuccess(), "still serving");
    }

    @Test
    @DisplayName("REG-50, REG-51: closing the ports closes the connections they accepted, so their peers reconnect to"
            + " the meta that listens next instead of talking to a stopped one (in-place upgrade)")
    void closeEndsAcceptedConnections() throws Exception {
        try (Socket session = open(sessionPort); Socket data = open(dataPort)) {
            TestSupport.assertAnswersHeartbeat(session, 7);
            TestSupport.assertAnswersHeartbeat(data, 8);

            ports.close();
            assertEquals(-1, readUntilClosed(session.getInputStream()), "closed by the meta");
            assertEquals(-1, readUntilClosed(data.getInputStream()), "closed by the meta");
        }
    }

    /** A raw connection; a read that waits longer than any test should fails rather than hangs. */
    private static Socket open(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        return socket;
    }

    /**
     * The fixed header and class name of a Bolt protocol 1 request announcing {@code contentLength} bytes of
     * content, none sent: proto, type, cmdcode, ver2, requestId, codec, timeout, classLen, headerLen, contentLen.
     */
    private static byte[] requestHead(String className, int contentLength) {
        byte[] clazz = className.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(22 + clazz.length).put((byte) 1).put((byte) 1).putShort((short) 1).put((byte) 1)
                .putInt(1).put((byte) 1).putInt(3000).putShort((short) clazz.length).putShort((short) 0)
                .putInt(contentLength).put(clazz).array();
    }

    /** Reads and drops what the server sends (Bolt's own heartbeats, if any) until it closes the connection. */
    private static int readUntilClosed(InputStream in) throws IOException {
        int b;
        do {
            b = in.read();
        } while (b != -1);
        return b;
    }

    private ClusterView heartbeat(int port, String role, String address, long epoch) throws Exception {
        return (ClusterView) client.invokeSync("127.0.0.1:" + port, beat(role, address, epoch), 5000);
    }

    private static NodeHeartbeat beat(String role, String address, long epoch) {
        NodeHeartbeat beat = new NodeHeartbeat();
        beat.setRole(role);
        beat.setAddress(address);
        beat.setDataCenter("DC1");
        beat.setZone("ZONE_A");
        beat.setProcessId("test");
        beat.setSlotTableEpoch(epoch);
        return beat;
    }

    private static Ping ping() {
        Ping ping = new Ping();
        ping.setRole(RegistryRoles.SESSION);
        ping.setAddress("127.0.0.1:9600");
        return ping;
    }

    private static void assertRefused(ClusterView view, String expected) {
        assertFalse(view.isSuccess(), view.toString());
        assertTrue(view.getMessage() != null && view.getMessage().contains(expected), view.toString());
    }
}
