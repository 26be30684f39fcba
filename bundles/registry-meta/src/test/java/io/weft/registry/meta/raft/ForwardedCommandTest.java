package io.weft.registry.meta.raft;

import static io.weft.registry.meta.raft.TestSupport.await;
import static io.weft.registry.meta.raft.TestSupport.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.alipay.sofa.jraft.entity.PeerId;
import com.alipay.sofa.jraft.option.RpcOptions;
import com.alipay.sofa.jraft.rpc.RpcClient;
import com.alipay.sofa.jraft.util.RpcFactoryHelper;

import io.weft.codec.bolt.BoltHessianSlot;
import io.weft.codec.hessian.SafeHessian;
import io.weft.registry.meta.command.MetaJson;
import io.weft.registry.meta.command.RenewNode;
import io.weft.registry.meta.command.SetPushSwitch;
import io.weft.registry.meta.state.NodeRole;
import io.weft.registry.meta.state.PushSwitch;

/** The raft port's forwarded commands ({@link ForwardProcessor}) as a follower sends them, in a three-member group. */
class ForwardedCommandTest {

    @TempDir
    Path dir;

    private BoltHessianSlot hessian;
    private final List<MetaRaftNode> members = new ArrayList<>();
    private RpcClient client;
    private MetaRaftNode leader;
    private MetaRaftNode follower;
    private final ForwardedCommands messages = new ForwardedCommands(new MetaJson());

    @BeforeEach
    void start() {
        // As MetaNode registers it in the node: the forwarded strings through the node's Hessian codec byte.
        hessian = BoltHessianSlot.open();
        hessian.register(new SafeHessian(List.of(String.class.getName()), 4 << 20, getClass().getClassLoader()));
        MetaRaftNode[] group = TestSupport.startGroupOfThree(dir, members);
        leader = group[0];
        follower = group[1];
        client = RpcFactoryHelper.rpcFactory().createRpcClient();
        client.init(new RpcOptions());
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.shutdown();
        }
        members.forEach(MetaRaftNode::close);
        if (hessian != null) {
            hessian.close();
        }
    }

    @Test
    @DisplayName("REG-62: submit on a follower is applied by the leader, once, and says which member applied it")
    void submitOnFollower() throws Exception {
        AppliedCommand applied = get(follower.submit(new SetPushSwitch(PushSwitch.CLOSED)));
        assertTrue(applied.result().success(), applied.toString());
        assertEquals(leader.self(), applied.appliedBy());
        assertEquals(PushSwitch.CLOSED, get(follower.readCommitted()).pushSwitch(),
                "ReadIndex: the follower answers the committed switch at once");
        assertEquals(leader.self(), get(leader.submit(new SetPushSwitch(PushSwitch.OPEN))).appliedBy());
    }

    @Test
    @DisplayName("REG-62: a forwarded command reaching a member that is not the leader is refused, not forwarded again")
    void followerRefusesForwardedCommand() throws Exception {
        LeaderForwarder forwarder = new LeaderForwarder(messages, "test", 5_000);
        MetaRaftException refused = assertThrows(MetaRaftException.class,
                () -> get(forwarder.forward(client, follower.self(), new SetPushSwitch(PushSwitch.CLOSED))));
        assertTrue(refused.getMessage().contains(follower.self() + " is no longer the leader (now " + leader.self()),
                refused.getMessage());
        for (MetaRaftNode m : members) {
            assertEquals(PushSwitch.OPEN, get(m.readCommitted()).pushSwitch(), m.self());
        }
    }

    @Test
    @DisplayName("REG-40: only the operators' commands travel; a renewal sent to the leader's raft port is refused")
    void onlyOpsCommandsAreForwarded() throws Exception {
        RenewNode renew = new RenewNode(NodeRole.SESSION, "127.0.0.1:9600", "dc", 1L);
        assertThrows(IllegalArgumentException.class,
                () -> get(new LeaderForwarder(messages, "test", 5_000).forward(client, leader.self(), renew)));
        PeerId target = new PeerId();
        assertTrue(target.parse(leader.self()));
        Object reply = client.invokeSync(target.getEndpoint(), messages.request("test", renew), 5_000);
        ForwardedCommands.Reply answer = messages.readReply((String) reply);
        assertEquals(ForwardedCommands.FAILED, answer.outcome());
        assertEquals("RenewNode is not forwarded", answer.message());
        Object garbage = client.invokeSync(target.getEndpoint(), "{\"command\":{\"type\":\"formatDisk\"}}", 5_000);
        assertEquals(ForwardedCommands.FAILED, messages.readReply((String) garbage).outcome());
        assertTrue(leader.state().sessionNodes().isEmpty());
    }
}
