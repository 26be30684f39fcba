package io.weft.itest.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.itest.support.ClusterLoad;
import io.weft.itest.support.Http;
import io.weft.itest.support.RegistryNodes;
import io.weft.itest.support.PinnedDiscovery;
import io.weft.itest.support.WeftNode;
import io.weft.registry.session.realclient.RealClients;

/**
 * A registry cluster of seven processes on this machine, as the README starts it: three meta servers in one raft
 * group, two data servers and two session servers, each its own {@code bin/weft} node with one role. Unmodified
 * {@code registry-client-all} clients publish and subscribe through both sessions; then a data server, the meta
 * leader and one session are each killed with -9, and every subscriber keeps, and gets, every publisher's data.
 * The time each step took is printed (it is not asserted: the machine may be busy).
 */
class RegistryClusterTest {

    private static final Duration AWAIT = Duration.ofSeconds(120);
    private static final String GROUP = "SOFA";
    /** The bounded load: every publisher publishes every service, every subscriber subscribes to every service. */
    private static final int SERVICES = 20;
    private static final int PUBLISHERS = 6;
    private static final int SUBSCRIBERS = 4;

    private final List<WeftNode> nodes = new ArrayList<>();

    @AfterEach
    void stopAll() {
        WeftNode.closeAll(nodes);
    }

    @Test
    @DisplayName("REG-1, REG-31, REG-32, REG-33, REG-34, REG-40, REG-50, REG-51, REG-53, RCP-14: 3 meta + 2 data"
            + " + 2 session nodes under 6 publishers x 20 services and 4 subscribers spread over both sessions; after"
            + " kill -9 of a data server and of the meta leader no subscriber ever misses a live publisher; after"
            + " kill -9 of a session its clients re-register on the other; every subscriber converges to every"
            + " publisher's latest change after each")
    void clusterSurvivesKillNine() throws Exception {
        List<WeftNode> metas = List.of(node("meta-1"), node("meta-2"), node("meta-3"));
        List<WeftNode> datas = List.of(node("data-1"), node("data-2"));
        List<WeftNode> sessions = List.of(node("session-a"), node("session-b"));
        long started = System.nanoTime();
        RegistryNodes.formCluster(metas, datas, sessions, Map.of("leaseMillis", "8000"));
        WeftNode leader = await("a meta leader", () -> RegistryNodes.leaderOf(metas));
        WeftNode sessionA = sessions.get(0);
        WeftNode sessionB = sessions.get(1);
        Http leaderOps = RegistryNodes.metaOps(leader);
        for (WeftNode data : datas) {
            String address = "127.0.0.1:" + data.registryPorts().dataSession();
            awaitTrue("data server " + address + " listed by the meta leader",
                    () -> leaderOps.get("/digest/data/node/query").body().contains(address));
        }
        for (WeftNode data : datas) {
            awaitTrue("data server " + data.home() + " to WORK",
                    () -> data.log("registry/data/registry-data.log").contains("to WORK"));
        }
        awaitTrue("both sessions listed by the meta leader", () -> {
            String listed = leaderOps.get("/digest/session/node/query").body();
            return sessions.stream().allMatch(s -> listed.contains(":" + s.registryPorts().sessionClient()));
        });
        print("7 nodes up, cluster formed", started);

        try (RealClients clients = new RealClients();
             PinnedDiscovery toA = new PinnedDiscovery(sessionA.registryPorts().sessionClient());
             PinnedDiscovery toB = new PinnedDiscovery(sessionB.registryPorts().sessionClient())) {
            // The bounded load: half the publishers and subscribers on each session.
            ClusterLoad load = new ClusterLoad(clients, toA.port(), toB.port(), PUBLISHERS, SERVICES, SUBSCRIBERS,
                    "com.example.ClusterService", "cluster", AWAIT);
            long step = System.nanoTime();
            load.publishRound(1);
            load.awaitConverged(1, "every subscriber has every publisher of every service");
            print(load + ": all pushed across both sessions", step);
            Http opsA = RegistryNodes.sessionOps(sessionA);
            awaitTrue("session A counts its publishers", () -> count(opsA, "pub") == load.publishersPer(0) * SERVICES);

            // A data server dies: the surviving one holds every slot's copy and takes over (REG-33, REG-53).
            WeftNode killedData = datas.get(0);
            WeftNode liveData = datas.get(1);
            String killedAddress = "127.0.0.1:" + killedData.registryPorts().dataSession();
            List<Integer> seenBefore = load.mark();
            step = System.nanoTime();
            killedData.kill9();
            awaitTrue("the dead data server evicted",
                    () -> !leaderOps.get("/digest/data/node/query").body().contains(killedAddress));
            print("kill -9 data server -> evicted by the meta", step);
            load.publishRound(2);
            load.awaitConverged(2, "every change after the data server's death");
            print("kill -9 data server -> every subscriber has every change", step);
            assertEquals(List.of(), load.incompleteSince(seenBefore),
                    "no subscriber was ever pushed a list missing a live publisher");
            Http liveDataOps = new Http("http://127.0.0.1:" + liveData.registryPorts().dataHttp(), "admin",
                    WeftNode.ADMIN_PASSWORD);
            awaitTrue("the surviving data server holds every publication",
                    () -> count(liveDataOps, "/digest/datum/count", "pub") == PUBLISHERS * SERVICES);

            // The meta leader dies: the other two elect a new one, which the sessions and the data server find.
            seenBefore = load.mark();
            leader = await("the meta leader now", () -> RegistryNodes.leaderOf(metas));
            step = System.nanoTime();
            leader.kill9();
            WeftNode killedLeader = leader;
            List<WeftNode> liveMetas = metas.stream().filter(m -> m != killedLeader).toList();
            WeftNode newLeader = await("a new meta leader", () -> RegistryNodes.leaderOf(liveMetas));
            print("kill -9 meta leader -> new leader elected", step);
            Http newLeaderOps = RegistryNodes.metaOps(newLeader);
            String liveAddress = "127.0.0.1:" + liveData.registryPorts().dataSession();
            awaitTrue("the data server and both sessions heartbeat to the new leader", () -> {
                String sessionsListed = newLeaderOps.get("/digest/session/node/query").body();
                return newLeaderOps.get("/digest/data/node/query").body().contains(liveAddress)
                        && sessions.stream().allMatch(s -> sessionsListed.contains(":" + s.registryPorts().sessionClient()));
            });
            print("kill -9 meta leader -> servers registered with the new leader", step);
            load.publishRound(3);
            load.awaitConverged(3, "every change after the meta leader's death");
            print("kill -9 meta leader -> every subscriber has every change", step);
            assertEquals(List.of(), load.incompleteSince(seenBefore),
                    "no subscriber was ever pushed a list missing a live publisher");

            // Session A dies: its clients are sent to session B (the discovery in front of the sessions now names
            // B), reconnect and replay their publications and subscriptions there (RCP-14). Until they have, A's
            // publishers are gone from the lists: the data servers drop them when A's lease ends (REG-34).
            step = System.nanoTime();
            sessionA.kill9();
            toA.pin(sessionB.registryPorts().sessionClient());
            Http opsB = RegistryNodes.sessionOps(sessionB);
            awaitTrue("every client re-registered on session B", () -> count(opsB, "pub") == PUBLISHERS * SERVICES
                    && count(opsB, "sub") == SUBSCRIBERS * SERVICES);
            print("kill -9 session A -> its clients re-registered on session B", step);
            load.awaitConverged(3, "every publisher back in every list");
            print("kill -9 session A -> every subscriber has every publisher again", step);
            load.publishRound(4);
            load.awaitConverged(4, "every change after session A's death");
            print("kill -9 session A -> every subscriber has every change", step);
            assertTrue(sessionB.log("registry/session/registry-session.log").contains("registered with the meta leader"),
                    sessionB.log("registry/session/registry-session.log"));
        }
    }

    /** A count of a session's {@code /digest/data/count}, such as {@code pub} or {@code sub}; -1 when absent. */
    private static int count(Http session, String field) {
        return count(session, "/digest/data/count", field);
    }

    /** A number field of an ops JSON answer such as {@code {"pub":3,"sub":2}}; -1 when absent. */
    private static int count(Http ops, String path, String field) {
        String body = ops.get(path).body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(body);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private WeftNode node(String name) throws Exception {
        WeftNode node = WeftNode.create("registry-cluster-" + name);
        nodes.add(node);
        return node;
    }

    private static <T> T await(String what, java.util.function.Supplier<T> found) throws InterruptedException {
        return WeftNode.awaitFound(AWAIT, what, found);
    }

    private static void awaitTrue(String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        assertTrue(WeftNode.await(AWAIT, () -> {
            try {
                return condition.getAsBoolean();
            } catch (RuntimeException e) {
                return false;
            }
        }), "timed out waiting for " + what);
    }

    private static void print(String what, long sinceNanos) {
        System.out.printf("[registry cluster] %-60s %6d ms%n", what, (System.nanoTime() - sinceNanos) / 1_000_000);
    }

}
