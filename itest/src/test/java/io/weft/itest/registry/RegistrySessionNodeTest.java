package io.weft.itest.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.weft.itest.support.DeployJars.bump;
import static io.weft.itest.support.DeployJars.drop;
import static io.weft.itest.support.DeployJars.systemJar;
import static io.weft.itest.support.DeployJars.withVersion;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.weft.itest.support.ClassLoaderCount;
import io.weft.itest.support.ConsoleBundles;
import io.weft.itest.support.Http;
import io.weft.itest.support.WeftNode;
import io.weft.registry.session.realclient.RealClient;
import io.weft.registry.session.realclient.RealClients;

/**
 * The unmodified {@code registry-client-all} (its own Bolt, Hessian and Netty, in a class loader of its own)
 * against the session server of a real standalone node, started and restarted by {@code bin/weft}.
 */
class RegistrySessionNodeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration AWAIT = Duration.ofSeconds(60);
    private static final String SESSION_SERVER_CLASS = "io.weft.registry.session.SessionServer";
    private static final String SERVICE = "com.example.EchoService:1.0@DEFAULT";
    private static final String GROUP = "SOFA";
    private static final String SESSION_BUNDLE = "io.weft.registry-session";
    private static final String DATA_BUNDLE = "io.weft.registry-data";
    private static final String DATA_SERVER_CLASS = "io.weft.registry.data.DataServer";

    @Test
    @DisplayName("RCP-7, RCP-8, RCP-11, RCP-14, RCP-16, RCP-19, RCP-20, REG-61, REG-62, REG-66: registry-client-all"
            + " finds the session through 9603, publishes and is pushed to a subscriber through the node's meta, data"
            + " and session servers; the meta's push switch closed holds updates back and reopened delivers them; a"
            + " persistentData/put on the meta reaches a configurator; after the node restarts the clients re-register"
            + " by themselves and the subscriber has the data again")
    void realClientAgainstStandaloneNode() throws Exception {
        try (WeftNode node = WeftNode.create("registry-session").start();
             RealClients clients = new RealClients()) {
            int discovery = node.registryPorts().sessionHttp();
            Http ops = new Http("http://127.0.0.1:" + discovery, "admin", WeftNode.ADMIN_PASSWORD);
            Http meta = new Http("http://127.0.0.1:" + node.registryPorts().metaHttp(), "admin",
                    WeftNode.ADMIN_PASSWORD);

            Observed consumer = new Observed();
            RealClient consumerClient = clients.start(discovery, "itest-consumer");
            consumerClient.subscribe(SERVICE, GROUP, consumer);
            RealClient provider = clients.start(discovery, "itest-provider");
            provider.publish(SERVICE, GROUP, "127.0.0.1:12200?v=1");
            consumer.await(List.of("127.0.0.1:12200?v=1"));

            JsonNode counts = json(ops.get("/digest/data/count"));
            assertEquals(1, counts.path("pub").asInt(), counts.toString());
            assertEquals(1, counts.path("sub").asInt(), counts.toString());
            assertTrue(WeftNode.await(AWAIT, () -> json(ops.get("/connections/query")).size() == 2),
                    ops.get("/connections/query").body());
            Http data = new Http("http://127.0.0.1:" + node.registryPorts().dataHttp(), "admin",
                    WeftNode.ADMIN_PASSWORD);
            assertEquals(1, json(data.get("/digest/datum/count")).path("pub").asInt(),
                    "the publication is held by the node's data server: " + data.get("/digest/datum/count").body());

            // Push closed on the meta (REG-61, REG-62): the session follows; the update is held back until reopened.
            assertEquals(200, meta.get("/stopPushDataSwitch/open").status(), "close push on the meta");
            assertTrue(WeftNode.await(AWAIT,
                    () -> "closed".equals(json(ops.get("/digest/pushSwitch")).path("pushSwitch").asText())),
                    ops.get("/digest/pushSwitch").body());
            int callbacks = consumer.count();
            provider.republish(SERVICE, "127.0.0.1:12200?v=2");
            Thread.sleep(1_000); // two hundred push windows: a leaked push would have arrived
            assertEquals(callbacks, consumer.count(), "no push while the switch is closed");
            assertEquals(200, meta.get("/stopPushDataSwitch/close").status(), "open push on the meta");
            consumer.await(List.of("127.0.0.1:12200?v=2"));

            // An operator's override on the meta reaches the configurator of that dataId (RCP-19, RCP-20, REG-66).
            List<String> overrides = new CopyOnWriteArrayList<>();
            consumerClient.watch(SERVICE, "SOFA.CONFIG", value -> overrides.add(String.valueOf(value)));
            Http.Response put = meta.postJson("/persistentData/put", "{\"dataId\":\"" + SERVICE + "\","
                    + "\"group\":\"SOFA.CONFIG\",\"instanceId\":\"weft-test\",\"version\":\"1700000000001\","
                    + "\"data\":\"override://127.0.0.1:12200?weight=0\"}");
            assertEquals(200, put.status(), put.body());
            assertTrue(WeftNode.await(AWAIT, () -> overrides.contains("override://127.0.0.1:12200?weight=0")),
                    "the override delivered: " + overrides);

            // The node restarts: the data servers' publications were in memory; the clients reconnect and replay.
            WeftNode.Result stopped = node.weft("stop");
            assertEquals(0, stopped.exitStatus(), stopped.output());
            int beforeRestart = consumer.count();
            node.start();
            assertTrue(WeftNode.await(AWAIT, () -> json(ops.get("/digest/data/count")).path("pub").asInt() == 1
                    && json(ops.get("/digest/data/count")).path("sub").asInt() == 1),
                    "the clients registered again: " + ops.get("/digest/data/count").body());
            assertTrue(WeftNode.await(AWAIT, () -> consumer.count() > beforeRestart
                    && List.of("127.0.0.1:12200?v=2").equals(consumer.latestValues())),
                    "pushed again after the restart, last: " + consumer.latestValues());

            String sessionLog = node.log("registry/session/registry-session.log");
            assertTrue(sessionLog.contains("Fetch session stop push data switch from meta: stopPush=true"), sessionLog);
        }
    }

    @Test
    @DisplayName("RCP-14, REG-34, decision 0023: a newer registry-session dropped into deploy/ replaces the running one"
            + " in place and hands its clients over: their connections close after the new session listens, they"
            + " register again through it, a change made during the upgrade reaches the subscriber, no callback ever"
            + " lacks the provider, a client new during the hand-over is read by the new session's own classes,"
            + " and the old revision's classes are unloaded")
    void sessionUpgradedInPlace() throws Exception {
        try (WeftNode node = WeftNode.create("registry-session-upgrade");
             RealClients clients = new RealClients()) {
            // Long enough that the client started below surely connects while the old session still holds its
            // registration with the node's Hessian codec.
            node.configure("io.weft.registry.session", Map.of("restartHandoverMillis", "4000"));
            node.start();
            int discovery = node.registryPorts().sessionHttp();
            Http ops = new Http("http://127.0.0.1:" + discovery, "admin", WeftNode.ADMIN_PASSWORD);
            Observed consumer = new Observed();
            clients.start(discovery, "itest-consumer").subscribe(SERVICE, GROUP, consumer);
            RealClient provider = clients.start(discovery, "itest-provider");
            provider.publish(SERVICE, GROUP, "127.0.0.1:12200?v=1");
            consumer.await(List.of("127.0.0.1:12200?v=1"));
            long pid = node.pid().orElseThrow();
            String v1 = ConsoleBundles.find(node.http(), SESSION_BUNDLE).version();
            Path v2 = withVersion(systemJar(node, "io/weft/registry-session"), bump(v1), null,
                    node.home().resolve("registry-session-v2.jar"));
            int beforeUpgrade = consumer.count();

            drop(v2, node.home().resolve("deploy/registry-session.jar"));
            assertTrue(WeftNode.await(AWAIT, () -> sessionLog(node).contains("client connections close in 4000 ms")),
                    sessionLog(node));
            assertTrue(WeftNode.await(AWAIT, () -> sessionLog(node).split("listening for registry clients", -1).length
                    == 3), "the new session listens: " + sessionLog(node));
            // Sent on the old connection, now read with the new session's classes, from a bundle revision that
            // can load no class any more: acknowledged by the old session all the same, applied after reconnecting.
            provider.republish(SERVICE, "127.0.0.1:12200?v=2");
            Observed newcomer = new Observed();
            clients.start(discovery, "itest-newcomer").subscribe(SERVICE, GROUP, newcomer);

            consumer.await(List.of("127.0.0.1:12200?v=2"));
            newcomer.await(List.of("127.0.0.1:12200?v=2"));
            ConsoleBundles.Entry session = ConsoleBundles.find(node.http(), SESSION_BUNDLE);
            assertEquals(bump(v1), session.version(), session.toString());
            assertEquals("Active", session.state(), session.toString());
            assertEquals(pid, node.pid().orElseThrow(), "same process");
            assertTrue(WeftNode.await(AWAIT, () -> json(ops.get("/connections/query")).size() == 3),
                    "every client on the new session: " + ops.get("/connections/query").body());
            assertTrue(consumer.valuesSince(beforeUpgrade).stream().noneMatch(List::isEmpty),
                    "a callback without the provider: " + consumer.valuesSince(beforeUpgrade));
            String errors = node.log("common-error.log");
            assertFalse(errors.contains("read by no Bolt service") || errors.contains("its frame names")
                    || errors.contains("SERVER_EXCEPTION"),
                    "a client's request was refused during the hand-over: " + errors);
            assertTrue(sessionLog(node).matches("(?s).*hand-over of client port \\S+ ended: 2 client connections"
                    + " closed, [1-9]\\d* requests on them acknowledged.*"), "the change acknowledged: "
                    + sessionLog(node));
            // Nothing in the node keeps the old revision: one class loader defines the session's classes (an
            // upgrade that left the old one loaded would grow the process by a revision of classes, and its data).
            assertTrue(WeftNode.await(AWAIT, () -> ClassLoaderCount.definingAfterGc(pid, SESSION_SERVER_CLASS) == 1),
                    "class loaders defining " + SESSION_SERVER_CLASS + ": "
                            + ClassLoaderCount.definingAfterGc(pid, SESSION_SERVER_CLASS));
        }
    }

    @Test
    @DisplayName("REG-37, decision 0025: in a node with both roles the session calls its own data server in-process;"
            + " a newer registry-data dropped into deploy/ replaces the data server in place, the session takes the"
            + " new one by itself, the publication is back on it, a later change reaches the subscriber and the old"
            + " data server's classes are unloaded")
    void ownDataServerInProcessAcrossItsUpgrade() throws Exception {
        try (WeftNode node = WeftNode.create("registry-data-in-process");
             RealClients clients = new RealClients()) {
            node.start();
            int discovery = node.registryPorts().sessionHttp();
            Http data = new Http("http://127.0.0.1:" + node.registryPorts().dataHttp(), "admin",
                    WeftNode.ADMIN_PASSWORD);
            Observed consumer = new Observed();
            clients.start(discovery, "itest-consumer").subscribe(SERVICE, GROUP, consumer);
            RealClient provider = clients.start(discovery, "itest-provider");
            provider.publish(SERVICE, GROUP, "127.0.0.1:12200?v=1");
            consumer.await(List.of("127.0.0.1:12200?v=1"));

            // The data server's one session is the attached one: the session opened no Bolt connection to it.
            assertTrue(data.get("/health/check").body().contains("sessionConnections:1"),
                    data.get("/health/check").body());
            assertEquals(1, attachments(node), dataLog(node));
            assertFalse(dataLog(node).contains("session connected from"), dataLog(node));

            String v1 = ConsoleBundles.find(node.http(), DATA_BUNDLE).version();
            Path v2 = withVersion(systemJar(node, "io/weft/registry-data"), bump(v1), null,
                    node.home().resolve("registry-data-v2.jar"));
            drop(v2, node.home().resolve("deploy/registry-data.jar"));

            assertTrue(WeftNode.await(AWAIT, () -> bump(v1).equals(ConsoleBundles.find(node.http(), DATA_BUNDLE)
                    .version())), ConsoleBundles.find(node.http(), DATA_BUNDLE).toString());
            assertTrue(WeftNode.await(AWAIT, () -> attachments(node) == 2), "attached to the new data server: "
                    + dataLog(node));
            // The new data server starts empty; the session's lease renewal finds the publication missing there and
            // publishes it again.
            assertTrue(WeftNode.await(AWAIT, () -> json(data.get("/digest/datum/count")).path("pub").asInt() == 1),
                    data.get("/digest/datum/count").body());
            provider.republish(SERVICE, "127.0.0.1:12200?v=2");
            consumer.await(List.of("127.0.0.1:12200?v=2"));
            assertEquals("Active", ConsoleBundles.find(node.http(), SESSION_BUNDLE).state());
            // The session let go of the old data server: nothing keeps the old revision's classes loaded.
            long pid = node.pid().orElseThrow();
            assertTrue(WeftNode.await(AWAIT, () -> ClassLoaderCount.definingAfterGc(pid, DATA_SERVER_CLASS) == 1),
                    "class loaders defining " + DATA_SERVER_CLASS + ": "
                            + ClassLoaderCount.definingAfterGc(pid, DATA_SERVER_CLASS));
        }
    }

    /** How many times a session attached in-process to the node's data servers. */
    private static int attachments(WeftNode node) {
        return dataLog(node).split("attached in-process", -1).length - 1;
    }

    private static String dataLog(WeftNode node) {
        return node.log("registry/data/registry-data.log");
    }

    private static String sessionLog(WeftNode node) {
        return node.log("registry/session/registry-session.log");
    }

    private static JsonNode json(Http.Response response) {
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }

    /** What one subscriber's callbacks delivered, in order. */
    private static final class Observed implements Consumer<Map<String, List<String>>> {
        private final List<Map<String, List<String>>> calls = new CopyOnWriteArrayList<>();

        @Override
        public void accept(Map<String, List<String>> data) {
            calls.add(data);
        }

        int count() {
            return calls.size();
        }

        /** The values of every callback after the first {@code skipped}, each sorted. */
        List<List<String>> valuesSince(int skipped) {
            return calls.subList(skipped, calls.size()).stream()
                    .map(data -> data.values().stream().flatMap(List::stream).sorted().toList()).toList();
        }

        List<String> latestValues() {
            if (calls.isEmpty()) {
                return null;
            }
            return calls.get(calls.size() - 1).values().stream().flatMap(List::stream).sorted().toList();
        }

        void await(List<String> expected) throws InterruptedException {
            assertTrue(WeftNode.await(AWAIT, () -> Objects.equals(expected, latestValues())),
                    "a callback with " + expected + ", last: " + latestValues());
        }
    }
}
