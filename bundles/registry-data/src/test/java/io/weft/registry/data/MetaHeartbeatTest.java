package io.weft.registry.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MetaHeartbeatTest {

    @Test
    @DisplayName("REG-51: a meta follower's 'not leader' sends the heartbeat to the leader; the follower gets pings")
    void followsTheLeader() {
        try (FakeMeta leader = new FakeMeta(); FakeMeta follower = new FakeMeta(leader);
                TestServers servers = new TestServers(follower.address(), leader.address())) {
            DataServer server = servers.start();
            leader.dataNodes(server.address());
            leader.table(Tables.all(1, 2, server.address()));

            Eventually.await("registered with the leader", () -> server.status().metaRegistered());
            Eventually.await("working", server::working);
            Eventually.await("the follower is pinged", () -> follower.pings.stream()
                    .anyMatch(p -> server.address().equals(p.getAddress())));
            assertTrue(!leader.heartbeats.isEmpty());
        }
    }

    @Test
    @DisplayName("REG-51: at the meta leader's view notice the data server heartbeats at once and takes the new slot"
            + " table without waiting for the heartbeat period (here 10 minutes)")
    void viewNoticeBringsTheTableAtOnce() throws Exception {
        try (FakeMeta leader = new FakeMeta(); TestServers servers = new TestServers(leader.address())) {
            leader.table(Tables.all(1, 2, "127.0.0.1:1"));
            DataServer server = servers.start(600_000);
            Eventually.await("the first table", () -> server.status().slotTableEpoch() == 1);

            leader.table(Tables.all(2, 2, server.address()));
            assertEquals(1, leader.viewChanged(), "the heartbeat asked for notices");

            Eventually.await("the new table, taken at the notice", () -> server.status().slotTableEpoch() == 2);
            Eventually.await("working under it", server::working);
            assertEquals(2, leader.heartbeats.size(), "one heartbeat for the notice");
        }
    }

    @Test
    @DisplayName("OPS-21: an unreachable meta is an error line (dataRefreshLeader_fail) and the next meta is tried")
    void unreachableMeta() throws Exception {
        int deadPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            deadPort = socket.getLocalPort();
        }
        try (LogCapture log = new LogCapture("registry.data"); FakeMeta leader = new FakeMeta();
                TestServers servers = new TestServers("127.0.0.1:" + deadPort, leader.address())) {
            DataServer server = servers.start();
            Eventually.await("registered with the live meta", () -> server.status().metaRegistered());
            assertTrue(log.contains("dataRefreshLeader_fail: heartbeat to meta 127.0.0.1:" + deadPort),
                    log.lines().toString());
        }
    }
}
