package io.weft.registry.meta.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.alipay.remoting.rpc.RpcClient;

import io.weft.codec.bolt.BoltHessianSlot;
import io.weft.registry.data.DataServer;
import io.weft.registry.data.DataServerOptions;
import io.weft.registry.data.monitor.DataCounts;
import io.weft.registry.meta.command.PutPersistentData;
import io.weft.registry.meta.command.SetPushSwitch;
import io.weft.registry.meta.raft.MetaRaftNode;
import io.weft.registry.meta.raft.MetaRaftOptions;
import io.weft.registry.meta.raft.TestSupport;
import io.weft.registry.meta.state.PushSwitch;
import io.weft.registry.protocol.ClusterView;
import io.weft.registry.protocol.NodeHeartbeat;
import io.weft.registry.protocol.Ping;
import io.weft.registry.protocol.RegistryRoles;

/** The meta's 9610/9611 (decision record 0021) on a one-member group, with a Bolt client and a real data server. */
class ClusterPortsTest {

    /** Bolt's Hessian codec byte, owned as the codec bundle owns it in a node. */
    private static final BoltHessianSlot HESSIAN = BoltHessianSlot.open();

    @TempDir
    Path dir;

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
        ports = new ClusterPorts(HESSIAN, "127.0.0.1", sessionPort, dataPort, raft, Clock.systemUTC());
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

    private ClusterView heartbeat(int port, String role, String address, long epoch) throws Exception {
        NodeHeartbeat beat = new NodeHeartbeat();
        beat.setRole(role);
        beat.setAddress(address);
        beat.setDataCenter("DC1");
        beat.setZone("ZONE_A");
        beat.setProcessId("test");
        beat.setSlotTableEpoch(epoch);
        return (ClusterView) client.invokeSync("127.0.0.1:" + port, beat, 5000);
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
