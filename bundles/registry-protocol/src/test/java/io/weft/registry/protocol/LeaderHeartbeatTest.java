package io.weft.registry.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LeaderHeartbeatTest {

    private final List<String> called = new ArrayList<>();
    private final List<String> events = new ArrayList<>();

    @Test
    @DisplayName("REG-50, REG-51: a follower names the leader on another host; the heartbeat goes there in the same round")
    void followerHintResolved() {
        MetaServerList metas = new MetaServerList(List.of("10.0.0.1:9610", "10.0.0.2:9610", "10.0.0.3:9610"));
        Map<String, ClusterView> answers = Map.of(
                "10.0.0.1:9610", notLeader("10.0.0.3:9610"),
                "10.0.0.3:9610", accepted());
        Optional<LeaderHeartbeat.Accepted> result = new LeaderHeartbeat(metas).send(calls(answers), events());
        assertEquals("10.0.0.3:9610", result.orElseThrow().meta());
        assertEquals(List.of("10.0.0.1:9610", "10.0.0.3:9610"), called);
        assertEquals(List.of("redirected 10.0.0.1:9610 -> 10.0.0.3:9610 resolved"), events);
    }

    @Test
    @DisplayName("REG-46: after changePeer the leader may be a meta the server was not configured with; the followers"
            + " name it and the heartbeat goes there in the same round, and in the next ones")
    void followsLeaderAddedByChangePeer() {
        MetaServerList metas = new MetaServerList(List.of("10.0.0.1:9610", "10.0.0.2:9610", "10.0.0.3:9610"));
        Map<String, ClusterView> answers = Map.of(
                "10.0.0.1:9610", notLeader("10.0.0.4:9610"),
                "10.0.0.4:9610", accepted());
        LeaderHeartbeat heartbeat = new LeaderHeartbeat(metas);
        assertEquals("10.0.0.4:9610", heartbeat.send(calls(answers), events()).orElseThrow().meta());
        assertEquals(List.of("10.0.0.1:9610", "10.0.0.4:9610"), called);
        assertEquals(List.of("redirected 10.0.0.1:9610 -> 10.0.0.4:9610 resolved"), events);
        called.clear();
        assertEquals("10.0.0.4:9610", heartbeat.send(calls(answers), events()).orElseThrow().meta());
        assertEquals(List.of("10.0.0.4:9610"), called, "the next round starts at the learned leader");
    }

    @Test
    @DisplayName("REG-50: metas sharing a host answer hints with the caller's port; the heartbeat tries the others in"
            + " turn and reaches the leader in the same round")
    void sharedHost() {
        MetaServerList metas = new MetaServerList(List.of("127.0.0.1:9610", "127.0.0.1:9710", "127.0.0.1:9810"));
        Map<String, ClusterView> answers = Map.of(
                "127.0.0.1:9610", notLeader("127.0.0.1:9610"),
                "127.0.0.1:9710", notLeader("127.0.0.1:9710"),
                "127.0.0.1:9810", accepted());
        Optional<LeaderHeartbeat.Accepted> result = new LeaderHeartbeat(metas).send(calls(answers), events());
        assertEquals("127.0.0.1:9810", result.orElseThrow().meta());
        assertEquals(List.of("127.0.0.1:9610", "127.0.0.1:9710", "127.0.0.1:9810"), called);
        assertEquals("127.0.0.1:9810", metas.target(), "the next round starts at the leader");
    }

    @Test
    @DisplayName("REG-50: a failed call or a meta without leader ends the round; the next round tries the next meta")
    void failureEndsRound() {
        MetaServerList metas = new MetaServerList(List.of("10.0.0.1:9610", "10.0.0.2:9610"));
        LeaderHeartbeat heartbeat = new LeaderHeartbeat(metas);
        assertTrue(heartbeat.send(meta -> {
            called.add(meta);
            throw new IOException("connection refused");
        }, events()).isEmpty());
        assertEquals(List.of("failed 10.0.0.1:9610: connection refused"), events);
        ClusterView noLeader = notLeader(null);
        assertTrue(heartbeat.send(calls(Map.of("10.0.0.2:9610", noLeader)), events()).isEmpty());
        assertEquals("no leader 10.0.0.2:9610", events.get(1));
        assertEquals("10.0.0.1:9610", metas.target());
    }

    private LeaderHeartbeat.Calls calls(Map<String, ClusterView> answers) {
        return meta -> {
            called.add(meta);
            ClusterView view = answers.get(meta);
            if (view == null) {
                throw new IOException("no answer from " + meta);
            }
            return view;
        };
    }

    private LeaderHeartbeat.Events events() {
        return new LeaderHeartbeat.Events() {
            @Override
            public void callFailed(String meta, Exception failure) {
                events.add("failed " + meta + ": " + failure.getMessage());
            }

            @Override
            public void refusedWithoutLeader(String meta, String message) {
                events.add("no leader " + meta);
            }

            @Override
            public void redirected(String meta, String hint, String next, boolean hintResolved) {
                events.add("redirected " + meta + " -> " + next + (hintResolved ? " resolved" : " unresolved"));
            }
        };
    }

    private static ClusterView accepted() {
        ClusterView view = new ClusterView();
        view.setSuccess(true);
        return view;
    }

    private static ClusterView notLeader(String leader) {
        ClusterView view = new ClusterView();
        view.setSuccess(false);
        view.setMessage("not leader");
        view.setLeader(leader);
        return view;
    }
}
