package io.weft.registry.data;

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
