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

import io.weft.registry.meta.raft.MetaRaftNode;
import io.weft.registry.meta.raft.TestSupport;

/** The ops endpoints of a follower in a three-member group. */
class FollowerOpsTest {

    @TempDir
    Path dir;

    private final List<MetaRaftNode> members = new ArrayList<>();
    private MetaRaftNode leader;
    private MetaRaftNode follower;
    private OpsHttp http;

    @BeforeEach
    void start() throws Exception {
        MetaRaftNode[] group = TestSupport.startGroupOfThree(dir, members);
        leader = group[0];
        follower = group[1];
        http = new OpsHttp(follower, Map.of());
    }

    @AfterEach
    void stop() throws Exception {
        if (http != null) {
            http.close();
        }
        members.forEach(MetaRaftNode::close);
    }

    @Test
    @DisplayName("REG-40, REG-45: a changePeer sent to a follower is answered 503 naming the leader, and the members stay")
    void changePeerGoesToTheLeader() throws Exception {
        String notLeader = "{\"success\":false,\"message\":\"not leader, leader is " + leader.self()
                + ": send the request to the leader's ops port\",\"leader\":\"" + leader.self() + "\"}";

        HttpResponse<String> change = http.form("/manage/changePeer", "ipAddressList=" + leader.self());
        assertEquals(503, change.statusCode());
        assertEquals(notLeader, change.body());
        assertEquals(3, leader.peers().size());
    }

    @Test
    @DisplayName("REG-45: bad input is answered 400 on a follower too, before the leader question")
    void badInputOnFollower() throws Exception {
        HttpResponse<String> r = http.form("/manage/changePeer", "ipAddressList=127.0.0.1:0");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("the port must be a number from 1 to 65535"), r.body());
        assertEquals(400, http.post("/persistentData/put", "application/json", "{oops").statusCode());
    }

    @Test
    @DisplayName("REG-42, REG-49: a follower of a known leader is healthy, reports raftStatus:Follower and answers the reads")
    void readsOnFollower() throws Exception {
        HttpResponse<String> health = http.get("/health/check");
        assertEquals(200, health.statusCode());
        assertEquals("{\"success\":true,\"message\":\"MetaServerBoot httpServerStart:true, raftServerStart:true,"
                + " raftClientStart:true, raftManagerStart:true, raftStatus:Follower\"}", health.body());
        assertEquals(200, http.get("/digest/pushSwitch").statusCode());
        assertEquals(3, follower.peers().size());
        assertEquals(200, http.get("/manage/queryPeer").statusCode());
    }
}
