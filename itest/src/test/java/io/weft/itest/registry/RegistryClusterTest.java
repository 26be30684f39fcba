package io.weft.itest.registry;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.itest.support.Http;
import io.weft.itest.support.PinnedDiscovery;
import io.weft.itest.support.WeftNode;
import io.weft.registry.session.realclient.RealClient;
import io.weft.registry.session.realclient.RealClients;

/**
 * A registry cluster of seven processes on this machine, as the README starts it: three meta servers in one raft
 * group, two data servers and two session servers, each its own {@code bin/weft} node with one role. Unmodified
 * {@code registry-client-all} clients publish through one session and subscribe through the other; then the data
 * server, the meta leader and the publisher's session are each killed with -9, and the subscriber keeps, and
 * gets, the publisher's data. The time each step took is printed (it is not asserted: the machine may be busy).
 */
class RegistryClusterTest {

    private static final Duration AWAIT = Duration.ofSeconds(120);
    private static final String SERVICE = "com.example.ClusterEchoService:1.0@DEFAULT";
    private static final String GROUP = "SOFA";

    private final List<WeftNode> nodes = new ArrayList<>();

    @AfterEach
    void stopAll() {
        for (WeftNode node : nodes) {
            try {
                node.close();
            } catch (Exception e) {
                System.err.println("stopping " + node.home() + ": " + e);
            }
        }
    }

    @Test
    @DisplayName("REG-1, REG-31, REG-32, REG-33, REG-34, REG-40, REG-50, REG-51, REG-53, RCP-14: 3 meta + 2 data"
            + " + 2 session nodes; a publication through one session is pushed to a subscriber of the other; after"
            + " kill -9 of a data server, of the meta leader and of the publisher's session the subscriber still has"
            + " the data and gets every later change")
    void clusterSurvivesKillNine() throws Exception {
        List<WeftNode> metas = List.of(node("meta-1"), node("meta-2"), node("meta-3"));
        String peers = metas.stream().map(m -> "127.0.0.1:" + m.registryPorts().metaRaft())
                .collect(Collectors.joining(","));
        String metaForData = metas.stream().map(m -> "127.0.0.1:" + m.registryPorts().metaData())
                .collect(Collectors.joining(","));
        String metaForSessions = metas.stream().map(m -> "127.0.0.1:" + m.registryPorts().metaSession())
                .collect(Collectors.joining(","));
        for (WeftNode meta : metas) {
            meta.roles("registry-meta");
            meta.configure("io.weft.registry.meta", Map.of("peers", peers, "nodeTimeoutMillis", "6000"));
        }
        long started = System.nanoTime();
        startTogether(metas); // a member of a three-node group only turns healthy once a leader is elected
        WeftNode leader = await("a meta leader", () -> leaderOf(metas));

        List<WeftNode> datas = List.of(node("data-1"), node("data-2"));
        for (WeftNode data : datas) {
            data.roles("registry-data");
            data.configure("io.weft.registry.data", Map.of("metaServers", metaForData, "leaseMillis", "8000"));
        }
        List<WeftNode> sessions = List.of(node("session-a"), node("session-b"));
        for (WeftNode session : sessions) {
            session.roles("registry-session");
            session.configure("io.weft.registry.session", Map.of("metaServers", metaForSessions));
        }
        List<WeftNode> servers = new ArrayList<>(datas);
        servers.addAll(sessions);
        startTogether(servers);
        WeftNode sessionA = sessions.get(0);
        WeftNode sessionB = sessions.get(1);
        Http leaderOps = ops(leader);
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
            Observed consumer = new Observed();
            clients.start(toB.port(), "cluster-consumer").subscribe(SERVICE, GROUP, consumer);
            RealClient provider = clients.start(toA.port(), "cluster-provider");
            long step = System.nanoTime();
            provider.publish(SERVICE, GROUP, "127.0.0.1:12200?v=1");
            consumer.await(List.of("127.0.0.1:12200?v=1"));
            print("publish on session A pushed to the subscriber on session B", step);
            Http opsA = new Http("http://127.0.0.1:" + sessionA.registryPorts().sessionHttp(), "admin",
                    WeftNode.ADMIN_PASSWORD);
            awaitTrue("the publisher counted on session A", () -> opsA.get("/digest/data/count").body()
                    .replace(" ", "").contains("\"pub\":1"));

            // A data server dies: the surviving one holds every slot's copy and takes over (REG-33, REG-53).
            WeftNode killedData = datas.get(0);
            WeftNode liveData = datas.get(1);
            String killedAddress = "127.0.0.1:" + killedData.registryPorts().dataSession();
            killedData.kill9();
            step = System.nanoTime();
            awaitTrue("the dead data server evicted",
                    () -> !leaderOps.get("/digest/data/node/query").body().contains(killedAddress));
            print("kill -9 data server -> evicted by the meta", step);
            provider.republish(SERVICE, "127.0.0.1:12200?v=2");
            consumer.await(List.of("127.0.0.1:12200?v=2"));
            print("kill -9 data server -> next change pushed", step);
            assertTrue(consumer.neverEmptySince(0), "the subscriber never lost the data: " + consumer.history());
            Http liveDataOps = new Http("http://127.0.0.1:" + liveData.registryPorts().dataHttp(), "admin",
                    WeftNode.ADMIN_PASSWORD);
            awaitTrue("the surviving data server holds the publication",
                    () -> liveDataOps.get("/digest/datum/count").body().replace(" ", "").contains("\"pub\":1"));

            // The meta leader dies: the other two elect a new one, which the sessions and the data server find.
            leader.kill9();
            step = System.nanoTime();
            List<WeftNode> liveMetas = metas.stream().filter(WeftNode::isAlive).toList();
            WeftNode newLeader = await("a new meta leader", () -> leaderOf(liveMetas));
            print("kill -9 meta leader -> new leader elected", step);
            Http newLeaderOps = ops(newLeader);
            String liveAddress = "127.0.0.1:" + liveData.registryPorts().dataSession();
            awaitTrue("the data server and both sessions heartbeat to the new leader", () -> {
                String sessionsListed = newLeaderOps.get("/digest/session/node/query").body();
                return newLeaderOps.get("/digest/data/node/query").body().contains(liveAddress)
                        && sessions.stream().allMatch(s -> sessionsListed.contains(":" + s.registryPorts().sessionClient()));
            });
            print("kill -9 meta leader -> servers registered with the new leader", step);
            provider.republish(SERVICE, "127.0.0.1:12200?v=3");
            consumer.await(List.of("127.0.0.1:12200?v=3"));
            print("kill -9 meta leader -> next change pushed", step);

            // The publisher's session dies: its client is sent to session B (the discovery in front of the
            // sessions now names B), reconnects and replays its publication there (RCP-14).
            int beforeKill = consumer.count();
            sessionA.kill9();
            toA.pin(sessionB.registryPorts().sessionClient());
            step = System.nanoTime();
            Http opsB = new Http("http://127.0.0.1:" + sessionB.registryPorts().sessionHttp(), "admin",
                    WeftNode.ADMIN_PASSWORD);
            awaitTrue("the publisher re-registered on session B", () -> opsB.get("/digest/data/count").body()
                    .replace(" ", "").contains("\"pub\":1"));
            print("kill -9 session A -> publisher re-registered on session B", step);
            provider.republish(SERVICE, "127.0.0.1:12200?v=4");
            consumer.await(List.of("127.0.0.1:12200?v=4"));
            print("kill -9 session A -> next change pushed", step);
            assertTrue(consumer.count() > beforeKill);
            assertTrue(sessionB.log("registry/session/registry-session.log").contains("registered with the meta leader"),
                    sessionB.log("registry/session/registry-session.log"));
        }
    }

    private WeftNode node(String name) throws Exception {
        WeftNode node = WeftNode.create("registry-cluster-" + name);
        nodes.add(node);
        return node;
    }

    /** Starts the nodes at once (each {@code bin/weft start} waits for its node to be healthy). */
    private static void startTogether(List<WeftNode> group) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(group.size());
        try {
            List<Future<WeftNode>> starts = new ArrayList<>();
            for (WeftNode node : group) {
                starts.add(pool.submit(node::start));
            }
            for (Future<WeftNode> start : starts) {
                start.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Http ops(WeftNode meta) {
        return new Http("http://127.0.0.1:" + meta.registryPorts().metaHttp(), "admin", WeftNode.ADMIN_PASSWORD);
    }

    /** The member whose health/check says {@code raftStatus:Leader}, or null. */
    private static WeftNode leaderOf(List<WeftNode> metas) {
        for (WeftNode meta : metas) {
            try {
                if (ops(meta).get("/health/check").body().contains("raftStatus:Leader")) {
                    return meta;
                }
            } catch (RuntimeException e) {
                // not answering: not the leader
            }
        }
        return null;
    }

    private static <T> T await(String what, java.util.function.Supplier<T> found) throws InterruptedException {
        Object[] result = new Object[1];
        assertTrue(WeftNode.await(AWAIT, () -> (result[0] = found.get()) != null), "timed out waiting for " + what);
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        assertNotNull(t);
        return t;
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

    /** What one subscriber's callbacks delivered, in order. */
    private static final class Observed implements Consumer<Map<String, List<String>>> {
        private final List<List<String>> calls = new CopyOnWriteArrayList<>();

        @Override
        public void accept(Map<String, List<String>> data) {
            calls.add(data.values().stream().flatMap(List::stream).sorted().toList());
        }

        int count() {
            return calls.size();
        }

        List<String> latestValues() {
            return calls.isEmpty() ? null : calls.get(calls.size() - 1);
        }

        /** Whether no callback from the {@code from}-th on was empty, once one had data. */
        boolean neverEmptySince(int from) {
            boolean seenData = false;
            for (int i = from; i < calls.size(); i++) {
                if (!calls.get(i).isEmpty()) {
                    seenData = true;
                } else if (seenData) {
                    return false;
                }
            }
            return true;
        }

        String history() {
            return calls.toString();
        }

        void await(List<String> expected) throws InterruptedException {
            assertTrue(WeftNode.await(AWAIT, () -> Objects.equals(expected, latestValues())),
                    "a callback with " + expected + ", history: " + calls);
        }
    }
}
