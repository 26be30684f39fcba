package io.weft.itest.acvip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.weft.api.acvip.AcvipClient;
import io.weft.api.acvip.AcvipProtocol;
import io.weft.api.acvip.AcvipServices;
import io.weft.api.acvip.ServiceAddress;
import io.weft.itest.support.Http;
import io.weft.itest.support.WeftNode;

/**
 * ACVIP (issue #3) in a real standalone node started with {@code bin/weft}: the ops guide's lookup on
 * the ACVIP port, registration over HTTP, long polling, dead-node removal by the TCP probe, clear
 * errors for malformed JSON, and the api's {@link AcvipClient} preferring its own data center.
 *
 * <p>One node serves every test (a node start is the expensive part); each test uses its own product's
 * domain or removes what it registered, so the tests do not depend on each other's order. The probe
 * settings are short so that removals happen quickly; nothing asserts how long anything took.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcvipNodeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration AWAIT = Duration.ofSeconds(60);
    private static final Pattern POLLS_WAITING = Pattern.compile("(?m)^acvip_polls_waiting ([0-9.]+)$");
    private static final Pattern CHECKSUM = Pattern.compile("[0-9a-f]{16}");
    private static final String LOOPBACK = "127.0.0.1";

    private WeftNode node;
    /** The node's ACVIP HTTP instance (9003 in production). */
    private Http acvip;

    @BeforeAll
    void startNode() throws Exception {
        node = WeftNode.create("acvip");
        Files.writeString(node.home().resolve("conf/io.weft.acvip.cfg"), String.join("\n",
                "httpInstance=acvip",
                "probeIntervalMillis=200",
                "probeTimeoutMillis=200",
                "deadAfterMillis=1000",
                "leaseSeconds=30",
                "maxPollWaitSeconds=10",
                ""), StandardCharsets.UTF_8);
        try {
            node.start();
        } catch (Exception | Error e) {
            node.close();
            throw e;
        }
        acvip = new Http("http://" + LOOPBACK + ":" + node.acvipPort(), "admin", WeftNode.ADMIN_PASSWORD);
        assertTrue(WeftNode.await(AWAIT, () -> node.log("weft.log").contains("probe every 200 ms")),
                "ACVIP should run with the test's conf/io.weft.acvip.cfg: " + node.log("weft.log"));
    }

    @AfterAll
    void stopNode() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    @DisplayName("CON-24, CON-25, CON-26, CON-27: the ops guide's lookup of default-SOFAKAFKA answers productEnabled,"
            + " a checksum and an empty list; an unknown instance's domain is unknown; the same checksum is 'not modified'")
    void opsGuideLookup() throws Exception {
        // Exactly the request of console.md CON-25, for the bootstrapped instance 'default'.
        Http.Response r = acvip.postJson(AcvipProtocol.GET_PATH,
                "{\"allowPolling\": false,\"from\": \"sofakafka-client\",\"clientVersion\":\"direct_http_json\","
                        + "\"vipDomainName2ChecksumMap\": {\"default-SOFAKAFKA\": \"N\"}}");
        assertEquals(200, r.status(), r.body());
        JsonNode answer = JSON.readTree(r.body());
        assertEquals(0, answer.path("errorCode").asInt(-1), r.body());
        assertEquals(1, answer.path("vipDomains").size(), r.body());
        JsonNode kafka = domain(answer, "default-SOFAKAFKA");
        assertTrue(kafka.path("productEnabled").asBoolean(false), "SOFAKAFKA is enabled for 'default': " + r.body());
        String checksum = kafka.path("checksum").asText();
        assertTrue(CHECKSUM.matcher(checksum).matches(), "checksum: " + r.body());
        assertTrue(kafka.path("realNodes").isArray(), r.body());
        assertEquals(0, kafka.path("realNodes").size(), "no broker registered yet: " + r.body());
        assertEquals(0, answer.path("notModified").size(), r.body());
        assertEquals(0, answer.path("unknownDomains").size(), r.body());
        assertFalse(answer.path("polled").asBoolean(true), r.body());

        // An instance that OSP does not know, and a product Weft does not serve.
        JsonNode unknown = lookup(Map.of("nobody-SOFAKAFKA", "N", "default-NOSUCHPRODUCT", "N"), false);
        assertEquals(0, unknown.path("vipDomains").size(), unknown.toString());
        assertTrue(unknown.path("unknownDomains").path("nobody-SOFAKAFKA").asText().contains("no instance 'nobody'"),
                unknown.toString());
        assertTrue(unknown.path("unknownDomains").path("default-NOSUCHPRODUCT").asText().contains("unknown product"),
                unknown.toString());
        List<String> notExist = texts(unknown.path("extensionParams").path("EXTENSION_NOT_EXIST_DOMAINS"));
        assertTrue(notExist.containsAll(List.of("nobody-SOFAKAFKA", "default-NOSUCHPRODUCT")), unknown.toString());

        // The client holds the current checksum: nothing is sent again.
        JsonNode again = lookup(Map.of("default-SOFAKAFKA", checksum), false);
        assertEquals(List.of("default-SOFAKAFKA"), texts(again.path("notModified")), again.toString());
        assertEquals(0, again.path("vipDomains").size(), again.toString());
        assertEquals(0, again.path("unknownDomains").size(), again.toString());
    }

    @Test
    @DisplayName("CON-24, CON-27, KFK-14: an address registered over HTTP is listed with its dataCenter; a long poll"
            + " holding the current checksum waits and completes with the second address when it registers")
    void registerAndLongPoll() throws Exception {
        String domain = "default-SOFAREGISTRY";
        try (Listener first = Listener.open(0); Listener second = Listener.open(0)) {
            try {
                Http.Response registered = register("SOFAREGISTRY", first.port(), "dc1", "zone1", 300);
                assertEquals(200, registered.status(), registered.body());
                assertEquals(0, JSON.readTree(registered.body()).path("errorCode").asInt(-1), registered.body());
                assertEquals(300, JSON.readTree(registered.body()).path("leaseSeconds").asInt(), registered.body());

                JsonNode listed = lookup(Map.of(domain, "N"), false);
                JsonNode registry = domain(listed, domain);
                JsonNode n = node(registry, first.port());
                assertTrue(n != null, "the registered address is listed: " + listed);
                assertEquals(LOOPBACK, n.path("ip").asText(), n.toString());
                assertEquals("dc1", n.path("dataCenter").asText(), n.toString());
                assertEquals("zone1", n.path("zone").asText(), n.toString());
                assertTrue(n.path("available").asBoolean(false), n.toString());
                assertEquals(first.port(), n.path("healthCheckPort").asInt(), n.toString());
                String checksum = registry.path("checksum").asText();

                // Operators see the same registration on GET /antcloud/antvip/instances.
                JsonNode registrations = JSON.readTree(acvip.get("/antcloud/antvip/instances").body());
                JsonNode mine = registration(registrations, "SOFAREGISTRY", first.port());
                assertTrue(mine != null, registrations.toString());
                assertEquals("dc1", mine.path("dataCenter").asText(), mine.toString());
                assertFalse(mine.path("local").asBoolean(true), mine.toString());

                int waitingBefore = pollsWaiting();
                CompletableFuture<Http.Response> poll = CompletableFuture.supplyAsync(() -> acvip.postJson(
                        AcvipProtocol.GET_PATH, lookupJson(Map.of(domain, checksum), true), Duration.ofSeconds(60)));
                assertTrue(WeftNode.await(AWAIT, () -> poll.isDone() || pollsWaiting() > waitingBefore),
                        "the poll should wait: " + node.http().get("/metrics").body());
                assertFalse(poll.isDone(), "nothing changed, so the poll must still be waiting: " + poll.getNow(null));

                Http.Response secondRegistered = register("SOFAREGISTRY", second.port(), "dc2", "zone2", 300);
                assertEquals(200, secondRegistered.status(), secondRegistered.body());

                Http.Response polled = poll.get(90, TimeUnit.SECONDS);
                assertEquals(200, polled.status(), polled.body());
                JsonNode answer = JSON.readTree(polled.body());
                assertTrue(answer.path("polled").asBoolean(false), "the answer came from a waiting poll: " + polled.body());
                assertTrue(answer.path("pollingAccepted").asBoolean(false), polled.body());
                JsonNode changed = domain(answer, domain);
                assertFalse(checksum.equals(changed.path("checksum").asText()), polled.body());
                JsonNode added = node(changed, second.port());
                assertTrue(added != null, "the poll's answer lists the second address: " + polled.body());
                assertEquals("dc2", added.path("dataCenter").asText(), added.toString());
                assertTrue(node(changed, first.port()) != null, "and still the first: " + polled.body());
            } finally {
                unregister("SOFAREGISTRY", first.port());
                unregister("SOFAREGISTRY", second.port());
            }
            // The node's own session server stays listed (its registry-session role registers it).
            JsonNode after = domain(lookup(Map.of(domain, "N"), false), domain);
            assertTrue(node(after, first.port()) == null && node(after, second.port()) == null,
                    "unregistered addresses leave the list at once: " + after);
        }
    }

    @Test
    @DisplayName("issue #3 dead-node removal (CON-24, CON-27): an address whose port stops answering leaves the list"
            + " (operators see it DOWN) and is listed again once its port answers again")
    void deadNodeRemoval() throws Exception {
        String domain = "default-DRM";
        Listener drm = Listener.open(0);
        int port = drm.port();
        try {
            Http.Response registered = register("DRM", port, "dc1", "zone1", 300);
            assertEquals(200, registered.status(), registered.body());
            assertTrue(listed(domain, port), "registered and answering: listed");
            // ACVIP's probes reach the port (the listener counts their connections) and it stays listed.
            Listener probed = drm;
            assertTrue(WeftNode.await(AWAIT, () -> probed.accepted() >= 3), "ACVIP probes the registered port");
            assertTrue(listed(domain, port), "answering its probes: still listed");
            assertEquals("UP", stateOf("DRM", port));

            drm.close();
            assertTrue(WeftNode.await(AWAIT, () -> !listed(domain, port)),
                    "a dead address leaves the list: " + lookup(Map.of(domain, "N"), false));
            assertEquals("DOWN", stateOf("DRM", port),
                    "still registered (the lease runs), shown DOWN to operators: "
                            + acvip.get("/antcloud/antvip/instances").body());
            assertTrue(WeftNode.await(AWAIT, () -> node.http().get("/metrics").body()
                    .matches("(?s).*\\nacvip_addresses\\{state=\"down\",?\\} [1-9].*")),
                    node.http().get("/metrics").body());

            // AcvipProtocol: "... leaves the list while its port fails the health probe for longer than the
            // node's dead-after time, and comes back once it answers again."
            drm = Listener.open(port);
            assertTrue(WeftNode.await(AWAIT, () -> listed(domain, port)),
                    "listed again once its port answers: " + lookup(Map.of(domain, "N"), false));
            assertEquals("UP", stateOf("DRM", port));
        } finally {
            drm.close();
            unregister("DRM", port);
        }
    }

    @Test
    @DisplayName("CON-25: malformed ACVIP JSON is answered 400 with a message saying what is wrong; the node keeps"
            + " answering correct requests")
    void malformedJson() throws Exception {
        Map<String, String> lookups = new LinkedHashMap<>();
        lookups.put("{\"allowPolling\": false, \"vipDomainName2ChecksumMap\": {\"default-SOFAKAFKA\": \"N\"",
                "malformed JSON at line 1 column");
        lookups.put("", "empty body");
        lookups.put("[\"default-SOFAKAFKA\"]", "expected a JSON object");
        lookups.put("{\"allowPolling\": false}", "missing 'vipDomainName2ChecksumMap'");
        lookups.put("{\"vipDomainName2ChecksumMap\": [\"default-SOFAKAFKA\"]}",
                "'vipDomainName2ChecksumMap' must be an object");
        lookups.put("{\"vipDomainName2ChecksumMap\": {}}", "names no domain");
        lookups.put("{\"vipDomainName2ChecksumMap\": {\"default-SOFAKAFKA\": 5}}",
                "checksum of 'default-SOFAKAFKA' must be a string");
        lookups.put("{\"allowPolling\": \"yes\", \"vipDomainName2ChecksumMap\": {\"default-SOFAKAFKA\": \"N\"}}",
                "'allowPolling' must be true or false");
        lookups.put("{\"allowPolling\": false, \"allowPolling\": true, \"vipDomainName2ChecksumMap\": {\"default-SOFAKAFKA\": \"N\"}}",
                "Duplicate field 'allowPolling'");
        for (Map.Entry<String, String> c : lookups.entrySet()) {
            assertBadRequest(acvip.postJson(AcvipProtocol.GET_PATH, c.getKey()), c.getValue(), c.getKey());
        }

        int freePort = WeftNode.freePort();
        Map<String, String> registrations = new LinkedHashMap<>();
        registrations.put("{\"service\": \"SCHEDULER\", \"host\": \"127.0.0.1\", \"port\": \"" + freePort + "\"}",
                "'port' must be a whole number");
        registrations.put("{\"service\": \"SCHEDULER\", \"host\": \"127.0.0.1\", \"port\": 70000}",
                "port must be 1..65535");
        registrations.put("{\"service\": \"SCHEDULER\", \"port\": " + freePort + "}", "missing 'host'");
        registrations.put("{\"service\": \"scheduler\", \"host\": \"127.0.0.1\", \"port\": " + freePort + "}",
                "service must be upper case");
        registrations.put("{\"service\": \"SCHEDULER\", \"host\": \"127.0.0.1\", \"port\": " + freePort
                + ", \"leaseSeconds\": 0}", "'leaseSeconds' must be a whole number of seconds >= 1");
        for (Map.Entry<String, String> c : registrations.entrySet()) {
            assertBadRequest(acvip.postJson(AcvipProtocol.REGISTER_PATH, c.getKey()), c.getValue(), c.getKey());
        }

        // Nothing was registered by the refused calls, and correct requests are answered as before.
        JsonNode all = JSON.readTree(acvip.get("/antcloud/antvip/instances").body());
        for (JsonNode r : all.path("registrations")) {
            assertFalse(r.path("service").asText().equals("SCHEDULER"), "a refused call registered " + r);
        }
        JsonNode ok = lookup(Map.of("default-SCHEDULER", "N"), false);
        assertEquals(0, ok.path("errorCode").asInt(-1), ok.toString());
        assertTrue(domain(ok, "default-SCHEDULER").path("productEnabled").asBoolean(false), ok.toString());
        assertTrue(node.http().get("/health").ok(), node.http().get("/health").body());
    }

    @Test
    @DisplayName("KFK-14, KFK-16, KFK-17, KFK-18, CON-27, CON-28: AcvipClient registers brokers of two data centers;"
            + " a client gets its own data center's brokers, and the other's once its own has none left")
    void clientPrefersItsDataCenter() throws Exception {
        String endpoint = "http://" + LOOPBACK + ":" + node.acvipPort();
        try (Listener dc1Broker = Listener.open(0); Listener dc2Broker = Listener.open(0);
                AcvipClient brokers = client(endpoint, "");
                AcvipClient inDc1 = client(endpoint, "dc1");
                AcvipClient inDc2 = client(endpoint, "dc2")) {
            ServiceAddress a1 = new ServiceAddress(AcvipServices.SOFAKAFKA, LOOPBACK, dc1Broker.port(), "dc1", "zone1");
            ServiceAddress a2 = new ServiceAddress(AcvipServices.SOFAKAFKA, LOOPBACK, dc2Broker.port(), "dc2", "zone2");
            try {
                // KFK-16: brokers register with ACVIP (here the only same-city node).
                brokers.register(a1, Duration.ofSeconds(120));
                brokers.register(a2, Duration.ofSeconds(120));

                assertEquals(Set.of(a1, a2), Set.copyOf(brokers.lookup("default", AcvipServices.SOFAKAFKA)),
                        "no data center configured: every broker");
                // KFK-17: each client keeps its own data center's brokers.
                assertEquals(List.of(a1), inDc1.lookup("default", AcvipServices.SOFAKAFKA));
                assertEquals(List.of(a2), inDc2.lookup("default", AcvipServices.SOFAKAFKA));
                // CON-28: what ACVIP returned is cached.
                assertEquals(List.of(a1), inDc1.cached("default", AcvipServices.SOFAKAFKA).orElseThrow());

                // KFK-18: dc1's only broker dies; ACVIP drops it and dc1's client falls back to dc2.
                dc1Broker.close();
                assertTrue(WeftNode.await(AWAIT, () -> List.of(a2).equals(lookupQuietly(inDc1))),
                        "dc1 has no broker left: its client uses dc2's: " + lookupQuietly(inDc1));
                assertEquals(List.of(a2), inDc2.lookup("default", AcvipServices.SOFAKAFKA));

                IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                        () -> inDc1.lookup("nobody", AcvipServices.SOFAKAFKA));
                assertTrue(unknown.getMessage().contains("no instance 'nobody'"), unknown.getMessage());
            } finally {
                brokers.unregister(a1);
                brokers.unregister(a2);
            }
            assertEquals(List.of(), brokers.lookup("default", AcvipServices.SOFAKAFKA));
        }
    }

    // ---- helpers ----

    private static AcvipClient client(String endpoint, String dataCenter) {
        return AcvipClient.builder().endpoint(endpoint).dataCenter(dataCenter).from("weft-itest")
                .requestTimeout(Duration.ofSeconds(10)).pollTimeout(Duration.ofSeconds(60)).build();
    }

    private static List<ServiceAddress> lookupQuietly(AcvipClient client) {
        try {
            return client.lookup("default", AcvipServices.SOFAKAFKA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertBadRequest(Http.Response r, String expected, String body) throws IOException {
        assertEquals(400, r.status(), "for " + body + ": " + r.body());
        JsonNode error = JSON.readTree(r.body());
        assertEquals(400, error.path("errorCode").asInt(), r.body());
        String message = error.path("errorMsg").asText();
        assertTrue(message.startsWith("malformed ACVIP request: "), message);
        assertTrue(message.contains(expected), "for " + body + " the message should say '" + expected + "': " + message);
    }

    private Http.Response register(String service, int port, String dataCenter, String zone, int leaseSeconds) {
        ObjectNode body = JSON.createObjectNode().put("service", service).put("host", LOOPBACK).put("port", port)
                .put("dataCenter", dataCenter).put("zone", zone).put("leaseSeconds", leaseSeconds);
        return acvip.postJson(AcvipProtocol.REGISTER_PATH, body.toString());
    }

    private void unregister(String service, int port) {
        ObjectNode body = JSON.createObjectNode().put("service", service).put("host", LOOPBACK).put("port", port);
        Http.Response r = acvip.postJson(AcvipProtocol.UNREGISTER_PATH, body.toString());
        assertEquals(200, r.status(), r.body());
    }

    private static String lookupJson(Map<String, String> checksums, boolean allowPolling) {
        ObjectNode body = JSON.createObjectNode().put("allowPolling", allowPolling).put("from", "weft-itest")
                .put("clientVersion", "direct_http_json");
        ObjectNode map = body.putObject("vipDomainName2ChecksumMap");
        checksums.forEach(map::put);
        return body.toString();
    }

    private JsonNode lookup(Map<String, String> checksums, boolean allowPolling) {
        Http.Response r = acvip.postJson(AcvipProtocol.GET_PATH, lookupJson(checksums, allowPolling));
        assertEquals(200, r.status(), r.body());
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether ACVIP lists 127.0.0.1:port in the domain now. */
    private boolean listed(String domain, int port) {
        return node(domain(lookup(Map.of(domain, "N"), false), domain), port) != null;
    }

    /** The state ({@code UP}, {@code FAILING}, {@code DOWN}) operators see on GET /antcloud/antvip/instances. */
    private String stateOf(String service, int port) {
        try {
            JsonNode r = registration(JSON.readTree(acvip.get("/antcloud/antvip/instances").body()), service, port);
            return r == null ? null : r.path("state").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int pollsWaiting() {
        Matcher m = POLLS_WAITING.matcher(node.http().get("/metrics").body());
        return m.find() ? (int) Double.parseDouble(m.group(1)) : -1;
    }

    private static JsonNode domain(JsonNode answer, String name) {
        for (JsonNode d : answer.path("vipDomains")) {
            if (name.equals(d.path("name").asText())) {
                return d;
            }
        }
        throw new AssertionError("no domain " + name + " in " + answer);
    }

    private static JsonNode node(JsonNode domain, int port) {
        for (JsonNode n : domain.path("realNodes")) {
            if (LOOPBACK.equals(n.path("ip").asText()) && n.path("port").asInt() == port) {
                return n;
            }
        }
        return null;
    }

    private static JsonNode registration(JsonNode registrations, String service, int port) {
        for (JsonNode r : registrations.path("registrations")) {
            if (service.equals(r.path("service").asText()) && LOOPBACK.equals(r.path("host").asText())
                    && r.path("port").asInt() == port) {
                return r;
            }
        }
        return null;
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    /**
     * A port that answers ACVIP's TCP probe: accepts and closes every connection, so the backlog never
     * fills however many probes come.
     */
    private static final class Listener implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread acceptor;
        private final AtomicInteger accepted = new AtomicInteger();

        private Listener(ServerSocket socket) {
            this.socket = socket;
            this.acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        accepted.incrementAndGet(); // the probe only connects
                    } catch (IOException e) {
                        // closed, or a probe gave up: the loop condition decides
                    }
                }
            }, "acvip-itest-listener-" + socket.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
        }

        /** Listens on 127.0.0.1:{@code port} (0: any free port). */
        static Listener open(int port) throws IOException {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port), 50);
            return new Listener(s);
        }

        int port() {
            return socket.getLocalPort();
        }

        /** Connections accepted so far (ACVIP's probes). */
        int accepted() {
            return accepted.get();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            try {
                acceptor.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
