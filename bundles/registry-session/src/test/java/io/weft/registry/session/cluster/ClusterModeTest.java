package io.weft.registry.session.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.client.CollectorRegistry;
import io.weft.registry.data.DataServer;
import io.weft.registry.protocol.Slots;
import io.weft.registry.session.Eventually;
import io.weft.registry.session.SessionNode;
import io.weft.registry.session.monitor.SessionCollector;
import io.weft.registry.session.ops.ClusterStatus;
import io.weft.registry.session.ops.HealthCheck;
import io.weft.registry.session.realclient.RealClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Session servers in cluster mode (decision record 0021) between the unmodified {@code registry-client-all} and real
 * data servers, with a fake meta leader that the test drives.
 */
class ClusterModeTest {

    private static final String GROUP = "SOFA";
    /** The client driver registers in this instance; the datum key is {@code dataId#@#instanceId#@#group}. */
    private static final String INSTANCE = "weft-test";

    private TestCluster cluster;

    @BeforeEach
    void start() {
        cluster = new TestCluster();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private static String dataInfoId(String dataId) {
        return dataId + "#@#" + INSTANCE + "#@#" + GROUP;
    }

    /** One data server leading every slot, both sessions routing by that table. */
    private DataServer oneDataServer(SessionNode... sessions) {
        DataServer data = cluster.startData();
        cluster.meta.dataNodes(data.address());
        cluster.meta.table(TestCluster.table(1, 8, slot -> data.address()));
        Eventually.await("the data server works", data::working);
        for (SessionNode session : sessions) {
            Eventually.await("the session routes by epoch 1", () -> session.cluster().slotTableEpoch() == 1);
        }
        return data;
    }

    /** A consumer on {@code b} subscribes to {@code dataId}; a provider on {@code a} publishes it; {@code seen} has it. */
    private RealClient publishSeenAcross(SessionNode a, SessionNode b, Observed seen, String dataId, String value) {
        cluster.client(b, "consumer").subscribe(dataId, GROUP, seen);
        RealClient provider = cluster.client(a, "provider");
        provider.publish(dataId, GROUP, value);
        seen.awaitValues(List.of(value));
        return provider;
    }

    @Test
    @DisplayName("REG-3, REG-36, REG-37: a publication on session A reaches a subscriber on session B; unpublish and"
            + " disconnect are seen on B")
    void publishOnOneSessionSubscribeOnAnother() throws Exception {
        SessionNode a = cluster.startSession();
        SessionNode b = cluster.startSession();
        DataServer data = oneDataServer(a, b);

        Observed seen = new Observed();
        RealClient provider = publishSeenAcross(a, b, seen, "svc.cluster", "10.0.0.1:12200?v=1");
        assertEquals(1, data.store().get(dataInfoId("svc.cluster")).publisherCount(), "the data server holds it");
        assertEquals(1, a.publishers());
        assertEquals(0, b.publishers());

        provider.unpublish("svc.cluster", GROUP);
        seen.awaitValues(List.of());

        RealClient leaves = cluster.client(a, "provider-leaves");
        leaves.publish("svc.cluster", GROUP, "leaves");
        seen.awaitValues(List.of("leaves"));
        leaves.close();

        seen.awaitValues(List.of());
        Eventually.await("the data server dropped the client's publisher",
                () -> data.store().get(dataInfoId("svc.cluster")).publisherCount() == 0);
    }

    @Test
    @DisplayName("REG-34, RCP-14: a session whose node shuts down sends its clients on to the other session before"
            + " its port closes; their publications move there, and a subscriber never sees them go")
    void shutdownSendsClientsOn() throws Exception {
        SessionNode a = cluster.startSession();
        SessionNode b = cluster.startSession();
        DataServer data = oneDataServer(a, b);
        Eventually.await("each session knows the other from the meta",
                () -> a.sessionEndpoints().size() == 2 && b.sessionEndpoints().size() == 2);
        Observed seen = new Observed();
        cluster.clientOfEither(a, b, "consumer").subscribe("svc.shutdown", GROUP, seen);
        cluster.clientOfEither(a, b, "provider").publish("svc.shutdown", GROUP, "10.0.0.1:12200");
        seen.awaitValues(List.of("10.0.0.1:12200"));
        // The provider picked one of the two at random: that one's node shuts down.
        SessionNode leaving = a.publishers() == 1 ? a : b;
        SessionNode staying = leaving == a ? b : a;
        int callbacksBefore = seen.count();

        assertTrue(leaving.shutDown(60_000), "the clients were sent on before the port closed");

        awaitPublicationMovedTo(staying, data, "svc.shutdown");
        assertEquals(1, staying.publishers());
        assertEveryPushSince(seen, callbacksBefore, "10.0.0.1:12200");
    }

    @Test
    @DisplayName("REG-34, REG-36: a session restarted in place (an upgrade) keeps its clients' publications on the data"
            + " server; a subscriber on another session never sees them go, and they move to the new session process")
    void sessionRestartKeepsPublications() throws Exception {
        SessionNode a = cluster.startSession();
        SessionNode b = cluster.startSession();
        DataServer data = oneDataServer(a, b);
        Observed seen = new Observed();
        publishSeenAcross(a, b, seen, "svc.restart", "10.0.0.1:12200");
        String before = a.cluster().processId();
        int callbacksBefore = seen.count();

        cluster.restartInPlace(a);

        assertFalse(before.equals(a.cluster().processId()), "a new session process");
        // The provider's client reconnects (the client waits up to 10 s) and registers again through it.
        awaitPublicationMovedTo(a, data, "svc.restart");
        assertEquals(1, a.publishers());
        assertEveryPushSince(seen, callbacksBefore, "10.0.0.1:12200");
    }

    /** The data server holds {@code dataId}'s one publication under {@code session}'s current process. */
    private static void awaitPublicationMovedTo(SessionNode session, DataServer data, String dataId) {
        Eventually.await("the publication of " + dataId + " moved to the session process " + session.cluster()
                .processId(), () -> {
                    var publishers = data.store().get(dataInfoId(dataId)).publishers().values();
                    return publishers.size() == 1 && session.cluster().processId()
                            .equals(publishers.iterator().next().getSessionProcessId());
                });
    }

    /** Every callback since the {@code since}-th named the provider: the subscriber never saw it go. */
    private static void assertEveryPushSince(Observed seen, int since, String provider) {
        List<List<String>> after = seen.valuesSince(since);
        assertTrue(after.stream().allMatch(List.of(provider)::equals),
                "every push meanwhile still named the provider: " + after);
    }

    @Test
    @DisplayName("REG-34, REG-53: a data server that lost a live session's publications (say, evicted it after a late"
            + " renewal) gets them again from the session, which sees the shortfall in two renewal answers in a row")
    void lostPublicationsArePublishedAgain() throws Exception {
        SessionNode a = cluster.startSession();
        DataServer data = oneDataServer(a);
        RealClient provider = cluster.client(a, "provider");
        provider.publish("svc.lost.1", GROUP, "10.0.0.1:12200");
        provider.publish("svc.lost.2", GROUP, "10.0.0.2:12200");
        Eventually.await("the data server holds both", () -> data.store().publisherCount() == 2);

        // What an eviction does to the store, without the session going anywhere.
        data.store().removePublishers(id -> true, publisher -> true);
        assertEquals(0, data.store().publisherCount());

        Eventually.await("the session published them again", () -> data.store().publisherCount() == 2);
        assertEquals(1, data.store().get(dataInfoId("svc.lost.1")).publisherCount());
        assertEquals(1, data.store().get(dataInfoId("svc.lost.2")).publisherCount());
    }

    @Test
    @DisplayName("REG-34, REG-35: a data server that hangs (its port takes requests, nothing is answered) does not hold"
            + " up the session's pushes of the others' datums, nor its lease renewals: they keep its clients'"
            + " publications")
    void hungDataServerDoesNotStopRenewals() throws Exception {
        long leaseMillis = 2_000;
        DataServer live = cluster.startData(leaseMillis);
        try (HangingDataServer hung = new HangingDataServer()) {
            cluster.meta.dataNodes(live.address(), hung.address());
            SlotRouting table = SlotRouting.of(
                    TestCluster.table(1, 8, slot -> slot < 4 ? live.address() : hung.address()));
            cluster.meta.table(TestCluster.table(1, 8, slot -> slot < 4 ? live.address() : hung.address()));
            Eventually.await("the live data server works", live::working);
            SessionNode session = cluster.startSession();
            Eventually.await("the session routes by epoch 1", () -> session.cluster().slotTableEpoch() == 1);

            RealClient provider = cluster.client(session, "provider");
            String kept = dataIdsLedBy(table, live.address(), 1).get(0);
            provider.publish(kept, GROUP, "10.0.0.1:12200");
            Eventually.await("the live data server holds the publication", () -> live.store().publisherCount() == 1);

            // Subscribers of datums the hung server leads: each read of them waits for the request timeout.
            RealClient consumer = cluster.client(session, "consumer");
            for (String dataId : dataIdsLedBy(table, hung.address(), 12)) {
                consumer.subscribe(dataId, GROUP, values -> { });
            }
            Eventually.await("the session is reading from the hung server", () -> hung.requests() >= 2);

            // Pushes of the live server's datums go on: none waits for a read of the hung server's.
            Observed seen = new Observed();
            consumer.subscribe(kept, GROUP, seen);
            seen.awaitValues(List.of("10.0.0.1:12200"));
            provider.republish(kept, "10.0.0.2:12200");
            seen.awaitValues(List.of("10.0.0.2:12200"));

            // Three lease times: a session whose renewals waited behind those reads would have lost it by now.
            Thread.sleep(3 * leaseMillis);
            assertEquals(1, live.store().publisherCount(), "the live data server still holds the publication");
            assertEquals(1, live.store().get(dataInfoId(kept)).publisherCount());
        }
    }

    /** {@code count} dataIds whose datum's slot {@code leader} leads under {@code table}. */
    private static List<String> dataIdsLedBy(SlotRouting table, String leader, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; ids.size() < count; i++) {
            String dataId = "svc.slot." + i;
            if (leader.equals(table.leaderOf(dataInfoId(dataId)))) {
                ids.add(dataId);
            }
        }
        return ids;
    }

    @Test
    @DisplayName("REG-28, REG-31: before a slot table, a subscriber gets an empty datum of version 0 and publications"
            + " wait; with the table both converge")
    void beforeTheSlotTable() throws Exception {
        SessionNode a = cluster.startSession();
        DataServer data = cluster.startData();
        cluster.meta.dataNodes(data.address());
        Eventually.await("A heartbeated", () -> a.cluster().metaReachable());

        Observed seen = new Observed();
        cluster.client(a, "consumer").subscribe("svc.early", GROUP, seen);
        cluster.client(a, "provider").publish("svc.early", GROUP, "early");
        seen.awaitValues(List.of());
        assertTrue(a.cluster().failures().get("session_setZeroBySubFail") > 0, a.cluster().toString());
        Eventually.await("the publication waits for a table", () -> a.cluster().pendingWrites() == 1);

        cluster.meta.table(TestCluster.table(1, 8, slot -> data.address()));

        seen.awaitValues(List.of("early"));
        Eventually.await("nothing left to write", () -> a.cluster().pendingWrites() == 0);
        Eventually.await("the lease started on the data server", () -> data.status().sessionLeases() == 1);
    }

    @Test
    @DisplayName("REG-36: a publication unregistered while its publish still waits never reaches the data server")
    void unregisteredWhileWaiting() throws Exception {
        SessionNode a = cluster.startSession();
        DataServer data = cluster.startData();
        cluster.meta.dataNodes(data.address());
        Eventually.await("A heartbeated", () -> a.cluster().metaReachable());
        RealClient provider = cluster.client(a, "provider");
        provider.publish("svc.gone", GROUP, "never");
        Eventually.await("the publication waits for a table", () -> a.cluster().pendingWrites() == 1);
        provider.unpublish("svc.gone", GROUP);
        Eventually.await("the session dropped it", () -> a.publishers() == 0);

        cluster.meta.table(TestCluster.table(1, 8, slot -> data.address()));

        Eventually.await("the removal was told", () -> a.cluster().pendingWrites() == 0 && data.working());
        assertEquals(0, data.store().get(dataInfoId("svc.gone")).publisherCount());
        assertEquals(0, data.status().publishers());
    }

    @Test
    @DisplayName("0021, RCP-12: the slot leader stops and its slots move; the sessions publish again to the new leader,"
            + " the subscriber keeps the data and versions only rise")
    void rebuiltFromSessionsAfterLeaderLoss() throws Exception {
        SessionNode a = cluster.startSession();
        SessionNode b = cluster.startSession();
        DataServer first = cluster.startData();
        DataServer second = cluster.startData();
        String id = dataInfoId("svc.failover");
        int slots = 4;
        int slot = Slots.slotOf(id, slots);
        // The datum's slot on the first server, every other slot on the second, and no replicas: only the
        // sessions can give the second server the datum back.
        cluster.meta.dataNodes(first.address(), second.address());
        cluster.meta.table(TestCluster.table(1, slots, s -> s == slot ? first.address() : second.address()));
        Eventually.await("both data servers work", () -> first.working() && second.working());
        Eventually.await("both sessions route by epoch 1",
                () -> a.cluster().slotTableEpoch() == 1 && b.cluster().slotTableEpoch() == 1);

        Observed seen = new Observed();
        cluster.client(b, "consumer").subscribe("svc.failover", GROUP, seen);
        RealClient provider = cluster.client(a, "provider");
        provider.publish("svc.failover", GROUP, "v1");
        seen.awaitValues(List.of("v1"));
        long before = first.store().get(id).version();

        cluster.stop(first);
        cluster.meta.dataNodes(second.address());
        cluster.meta.table(TestCluster.table(2, slots, s -> second.address()));

        Eventually.await("session A published the datum again to the new leader",
                () -> second.store().get(id).publisherCount() == 1);
        assertTrue(second.store().get(id).version() > before, "the new leader's version is above the lost one's");
        assertEquals(List.of("v1"), second.store().get(id).publishers().values().iterator().next().getData());
        seen.awaitValues(List.of("v1"));

        // The client takes a push only with a higher version than it holds (RCP-12): v2 arriving proves it.
        provider.republish("svc.failover", "v2");
        seen.awaitValues(List.of("v2"));
        Observed late = new Observed();
        cluster.client(a, "late-consumer").subscribe("svc.failover", GROUP, late);
        late.awaitValues(List.of("v2"));
    }

    @Test
    @DisplayName("REG-61, REG-62: push closed by the meta's view, subscribers get nothing; opened again, they converge")
    void pushSwitchFollowsMeta() throws Exception {
        SessionNode a = cluster.startSession();
        SessionNode b = cluster.startSession();
        DataServer data = oneDataServer(a, b);
        Observed first = new Observed();
        cluster.client(b, "consumer-1").subscribe("svc.switch", GROUP, first);
        RealClient provider = cluster.client(a, "provider");
        provider.publish("svc.switch", GROUP, "before");
        first.awaitValues(List.of("before"));

        cluster.meta.pushOpen(false);
        Eventually.await("session B closed push", () -> !b.pushSwitch().isOpen());
        Observed second = new Observed();
        cluster.client(b, "consumer-2").subscribe("svc.switch", GROUP, second);
        provider.republish("svc.switch", "while-closed");
        Eventually.await("the data server holds the update", () -> data.store().get(dataInfoId("svc.switch"))
                .publishers().values().iterator().next().getData().equals(List.of("while-closed")));
        Eventually.await("the second subscriber registered", () -> b.subscribers() == 2);
        int firstCallbacks = first.count();
        // Ten more heartbeats of B and so two renewals with their version checks: a push, had the switch leaked
        // one, would have left by then.
        int beats = cluster.meta.heartbeatsOf(b.boltEndpoint().orElseThrow());
        Eventually.await("ten more heartbeats of B",
                () -> cluster.meta.heartbeatsOf(b.boltEndpoint().orElseThrow()) >= beats + 10);
        assertEquals(firstCallbacks, first.count(), "no push while the switch is closed");
        assertEquals(0, second.count(), "no push while the switch is closed");

        cluster.meta.pushOpen(true);

        first.awaitValues(List.of("while-closed"));
        second.awaitValues(List.of("while-closed"));
    }

    @Test
    @DisplayName("RCP-20, REG-58: a persistent datum in the meta's view reaches the configurators; its removal too")
    void persistentDataReachesConfigurators() throws Exception {
        SessionNode a = cluster.startSession();
        oneDataServer(a);
        List<String> values = new CopyOnWriteArrayList<>();
        cluster.client(a, "consumer").watch("svc.config", "SOFA.CONFIG", value -> values.add(String.valueOf(value)));
        Eventually.await("the configurator registered", () -> a.watchers() == 1);

        cluster.meta.persistent("svc.config", "SOFA.CONFIG", INSTANCE, 1_000L, "override://127.0.0.1:12200?weight=0");

        Eventually.await("the override delivered", () -> values.contains("override://127.0.0.1:12200?weight=0"));
        List<String> later = new CopyOnWriteArrayList<>();
        cluster.client(a, "late-consumer").watch("svc.config", "SOFA.CONFIG", value -> later.add(String.valueOf(value)));
        Eventually.await("a later configurator gets it when it registers",
                () -> later.contains("override://127.0.0.1:12200?weight=0"));
        assertFalse(a.persistentData().put("svc.config", "SOFA.CONFIG", INSTANCE, 2_000L, "override://local"),
                "in a cluster the meta servers own the persistent data");

        cluster.meta.persistent("svc.config", "SOFA.CONFIG", INSTANCE, 1_001L, null);
        Eventually.await("the removal delivered", () -> values.get(values.size() - 1).equals("null"));
    }

    @Test
    @DisplayName("RCP-20, REG-50: at the meta leader's view notice the session heartbeats at once, so an override"
            + " reaches the configurators without waiting for the heartbeat period (here 10 minutes)")
    void viewNoticeBringsTheViewAtOnce() throws Exception {
        SessionNode a = cluster.startSession(List.of(cluster.meta.address()), 600_000);
        Eventually.await("the first heartbeat", () -> cluster.meta.heartbeatsOf(a.boltEndpoint().orElseThrow()) == 1);
        List<String> values = new CopyOnWriteArrayList<>();
        cluster.client(a, "consumer").watch("svc.config", "SOFA.CONFIG", value -> values.add(String.valueOf(value)));
        Eventually.await("the configurator registered", () -> a.watchers() == 1);

        cluster.meta.persistent("svc.config", "SOFA.CONFIG", INSTANCE, 1_000L, "override://127.0.0.1:12200?weight=0");
        assertEquals(1, cluster.meta.viewChanged(), "the session's heartbeat asked for notices");

        Eventually.await("the override delivered", () -> values.contains("override://127.0.0.1:12200?weight=0"));
        assertEquals(2, cluster.meta.heartbeatsOf(a.boltEndpoint().orElseThrow()), "one heartbeat for the notice");
    }

    @Test
    @DisplayName("RCP-16, REG-50: discovery answers every session of the cluster; health and metrics say cluster mode"
            + " and whether meta and data servers answer")
    void discoveryHealthAndMetrics() throws Exception {
        SessionNode a = cluster.startSession();
        SessionNode b = cluster.startSession();
        DataServer data = oneDataServer(a, b);
        String endpointA = a.boltEndpoint().orElseThrow();
        String endpointB = b.boltEndpoint().orElseThrow();

        Eventually.await("A lists both sessions", () -> a.sessionEndpoints().equals(
                List.of(endpointA, endpointB).stream().sorted().toList()));
        Eventually.await("A renewed its lease on the data server",
                () -> a.cluster().dataServers().equals(Map.of(data.address(), true)));
        ClusterStatus status = a.cluster();
        assertTrue(status.clustered());
        assertTrue(status.metaReachable());
        assertEquals(cluster.meta.address(), status.metaLeader());
        HealthCheck.Result health = new HealthCheck(a).check();
        assertTrue(health.success(), health.message());
        assertTrue(health.message().contains("mode:cluster"), health.message());
        CollectorRegistry registry = new CollectorRegistry();
        new SessionCollector(a).register(registry);
        assertEquals(1.0, registry.getSampleValue("registry_session_clustered"));
        assertEquals(1.0, registry.getSampleValue("registry_session_meta_reachable"));

        cluster.meta.close();

        Eventually.await("A finds no meta leader", () -> !a.cluster().metaReachable());
        assertFalse(new HealthCheck(a).check().success(), "a session no meta leader hears is down");
    }

    @Test
    @DisplayName("REG-50, 0021: a meta follower's 'not leader' sends the heartbeat to the leader; the follower gets pings")
    void followsTheMetaLeader() throws Exception {
        try (FakeMeta follower = new FakeMeta(cluster.meta)) {
            SessionNode a = cluster.startSession(List.of(follower.address(), cluster.meta.address()));

            Eventually.await("A heartbeats to the leader", () -> a.cluster().metaReachable()
                    && cluster.meta.address().equals(a.cluster().metaLeader()));
            Eventually.await("the follower gets pings", () -> follower.pings() > 0);
            assertEquals(0, follower.heartbeatsOf(a.boltEndpoint().orElseThrow()));
        }
    }

    @Test
    @DisplayName("0021: a closed cluster session leaves no thread of its own")
    void closeLeavesNoThread() throws Exception {
        SessionNode a = cluster.startSession();
        oneDataServer(a);
        Eventually.await("A renewed its lease", () -> a.cluster().reachableDataServers() == 1);
        assertTrue(clusterThreads() > 0);

        cluster.close(a);

        Eventually.await("no cluster thread left", () -> clusterThreads() == 0);
        assertFalse(a.boltEndpoint().isPresent());
    }

    private static long clusterThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && (t.getName().startsWith("weft-session-meta")
                        || t.getName().startsWith("weft-session-renewal")
                        || t.getName().startsWith("weft-session-data-")))
                .count();
    }
}
