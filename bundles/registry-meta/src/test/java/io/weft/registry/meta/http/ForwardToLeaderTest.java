package io.weft.registry.meta.http;

import static io.weft.registry.meta.raft.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.weft.codec.bolt.BoltHessianSlot;
import io.weft.registry.meta.cluster.ClusterPorts;
import io.weft.registry.meta.node.MetaNode;
import io.weft.registry.meta.node.MetaNodeSettings;
import io.weft.registry.meta.raft.MetaRaftOptions;
import io.weft.registry.meta.raft.TestSupport;
import io.weft.registry.meta.state.PersistentKey;
import io.weft.registry.meta.state.PushSwitch;
import io.weft.registry.meta.state.SlotAssigner;

/**
 * The push switch and persistent data changed through a follower's ops port (REG-62: "any one MetaServer"): three
 * members as the role runs them ({@link MetaNode}, with the node's Bolt Hessian codec byte), every port on
 * 127.0.0.1, the follower forwarding to the leader over the raft port.
 */
class ForwardToLeaderTest {

    private static final String DATUM = "{\"dataId\":\"com.example.S:1.0@DEFAULT\",\"group\":\"SOFA.CONFIG\","
            + "\"instanceId\":\"DEFAULT_INSTANCE_ID\",\"version\":\"1111111111121\","
            + "\"data\":\"override://10.0.0.1:12200/com.example.S?disabled=true\"}";
    private static final PersistentKey KEY = new PersistentKey("com.example.S:1.0@DEFAULT", "SOFA.CONFIG",
            "DEFAULT_INSTANCE_ID");
    /** Forwarding waits 5 s for the leader, ReadIndex 3 s: an error comes well within this. */
    private static final long ERROR_BOUND_MILLIS = 8_000;

    @TempDir
    Path dir;

    private BoltHessianSlot hessian;
    private final List<MetaNode> members = new ArrayList<>();
    private final List<OpsHttp> https = new ArrayList<>();
    private MetaNode leader;
    private MetaNode follower;
    private MetaNode otherFollower;

    @BeforeEach
    void start() {
        hessian = BoltHessianSlot.open();
        List<Integer> raftPorts = TestSupport.freePorts(3);
        List<Integer> clusterPorts = TestSupport.freePorts(6);
        List<String> peers = raftPorts.stream().map(p -> "127.0.0.1:" + p).toList();
        for (int i = 0; i < 3; i++) {
            members.add(new MetaNode(hessian, new MetaNodeSettings("127.0.0.1", "127.0.0.1", raftPorts.get(i),
                    clusterPorts.get(2 * i), clusterPorts.get(2 * i + 1), peers, dir.resolve("meta-" + i), 30_000,
                    3_000, 60_000, 1_000, 3_600, SlotAssigner.DEFAULT_SLOT_COUNT, SlotAssigner.DEFAULT_REPLICAS, 3_600,
                    ClusterPorts.defaultLimits(), MetaRaftOptions.defaultPortLimits())));
        }
        for (MetaNode member : members) {
            assertTrue(member.start(), () -> member.failure().orElse(""));
        }
        await("one leader", () -> members.stream().filter(m -> m.raft().isLeader()).count() == 1);
        leader = members.stream().filter(m -> m.raft().isLeader()).findFirst().orElseThrow();
        List<MetaNode> followers = members.stream().filter(m -> m != leader).toList();
        follower = followers.get(0);
        otherFollower = followers.get(1);
        await("the followers know the leader", () -> followers.stream()
                .allMatch(f -> f.raft().leader().orElse("").equals(leader.raft().self())));
    }

    @AfterEach
    void stop() throws Exception {
        for (OpsHttp http : https) {
            http.close();
        }
        members.forEach(MetaNode::close);
        if (hessian != null) {
            hessian.close();
        }
    }

    private OpsHttp http(MetaNode member) throws Exception {
        OpsHttp http = new OpsHttp(member.raft(), Map.of());
        https.add(http);
        return http;
    }

    @Test
    @DisplayName("REG-62, REG-80: closing and opening push on a follower's ops port changes the switch on every"
            + " member and names the leader that applied it")
    void pushSwitchThroughFollower() throws Exception {
        OpsHttp onFollower = http(follower);
        OpsHttp onOther = http(otherFollower);
        String appliedBy = ",\"appliedBy\":\"" + leader.raft().self() + "\"}";

        HttpResponse<String> closed = onFollower.get("/stopPushDataSwitch/open");
        assertEquals(200, closed.statusCode(), closed.body());
        assertEquals("{\"success\":true,\"message\":\"stop push data switch to DB result: true, push CLOSED\""
                + appliedBy, closed.body());
        // REG-80 verify: read on the other follower at once, ReadIndex makes it wait for the entry.
        assertEquals("{\"stopPushDataSwitch\":true}", onOther.get("/digest/pushSwitch").body());
        assertEquals("{\"stopPushDataSwitch\":true}", onFollower.get("/digest/pushSwitch").body());
        for (MetaNode m : members) {
            await(m.raft().self() + " has push closed", () -> m.raft().state().pushSwitch() == PushSwitch.CLOSED);
        }

        HttpResponse<String> opened = onFollower.get("/stopPushDataSwitch/close");
        assertEquals(200, opened.statusCode(), opened.body());
        assertTrue(opened.body().startsWith("{\"success\":true") && opened.body().endsWith(appliedBy), opened.body());
        assertEquals("{\"stopPushDataSwitch\":false}", onOther.get("/digest/pushSwitch").body());
        for (MetaNode m : members) {
            await(m.raft().self() + " has push open", () -> m.raft().state().pushSwitch() == PushSwitch.OPEN);
        }
    }

    @Test
    @DisplayName("REG-66, RCP-20: persistentData put and remove on a follower's ops port reach every member; an old"
            + " version is refused as the leader refuses it")
    void persistentDataThroughFollower() throws Exception {
        OpsHttp onFollower = http(follower);

        HttpResponse<String> put = onFollower.post("/persistentData/put", "application/json", DATUM);
        assertEquals(200, put.statusCode(), put.body());
        assertTrue(put.body().startsWith("{\"success\":true"), put.body());
        assertTrue(put.body().endsWith(",\"appliedBy\":\"" + leader.raft().self() + "\"}"), put.body());
        for (MetaNode m : members) {
            await(m.raft().self() + " has the datum", () -> m.raft().state().persistentData().containsKey(KEY));
        }

        HttpResponse<String> again = onFollower.post("/persistentData/put", "application/json", DATUM);
        assertEquals(200, again.statusCode(), "a refused version is the group's answer, not an error");
        assertTrue(again.body().startsWith("{\"success\":false"), again.body());
        assertTrue(again.body().contains("is not higher than the stored version 1111111111121"), again.body());

        HttpResponse<String> remove = onFollower.post("/persistentData/remove", "application/json", DATUM);
        assertEquals(200, remove.statusCode(), remove.body());
        assertTrue(remove.body().startsWith("{\"success\":true"), remove.body());
        for (MetaNode m : members) {
            await(m.raft().self() + " lost the datum", () -> m.raft().state().persistentData().isEmpty());
        }
    }

    @Test
    @DisplayName("REG-43, REG-62: with two of three members stopped there is no leader; a follower answers a change"
            + " and the switch read 503 within a few seconds, and nothing changes")
    void noLeader() throws Exception {
        OpsHttp onFollower = http(follower);
        leader.close();
        otherFollower.close();

        long start = System.nanoTime();
        HttpResponse<String> change = onFollower.get("/stopPushDataSwitch/open");
        long changeMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, change.statusCode(), change.body());
        assertTrue(change.body().startsWith("{\"success\":false,\"message\":\""), change.body());
        assertTrue(change.body().contains("leader"), change.body());
        assertTrue(changeMillis < ERROR_BOUND_MILLIS, "answered after " + changeMillis + " ms");

        // Once the member knows there is no leader, it says so at once.
        await("the follower knows no leader", () -> follower.raft().leader().isEmpty());
        start = System.nanoTime();
        HttpResponse<String> put = onFollower.post("/persistentData/put", "application/json", DATUM);
        assertEquals(503, put.statusCode(), put.body());
        assertTrue(put.body().contains("no leader is known"), put.body());
        assertTrue((System.nanoTime() - start) / 1_000_000 < ERROR_BOUND_MILLIS);

        start = System.nanoTime();
        HttpResponse<String> read = onFollower.get("/digest/pushSwitch");
        long readMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, read.statusCode(), read.body());
        assertTrue(read.body().startsWith("{\"stopPushDataSwitch\":false,\"consistent\":false,\"message\":"),
                read.body());
        assertTrue(readMillis < ERROR_BOUND_MILLIS, "answered after " + readMillis + " ms");

        assertEquals(PushSwitch.OPEN, follower.raft().state().pushSwitch());
        assertTrue(follower.raft().state().persistentData().isEmpty());
    }
}
