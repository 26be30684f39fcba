package io.weft.acvip.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.weft.acvip.Fakes;
import io.weft.acvip.book.AddressBook;
import io.weft.acvip.domain.DomainResolver;
import io.weft.acvip.http.AcvipServlet;
import io.weft.acvip.http.RegistrationGuard;
import io.weft.acvip.poll.PollHub;
import io.weft.api.acvip.AcvipClient;
import io.weft.api.acvip.AcvipServices;
import io.weft.api.acvip.ServiceAddress;

/** The servlet in a real Jetty 11 on 127.0.0.1, and the api's client talking to it. */
class AcvipEndToEndTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final Fakes.Directory directory = new Fakes.Directory().put("000001", Set.of("SOFAREGISTRY"));
    private final Fakes.ManualTimer timer = new Fakes.ManualTimer();
    private final PollHub[] hubRef = new PollHub[1];
    private final AddressBook book = new AddressBook(Clock.systemUTC(), Duration.ofSeconds(10),
            services -> hubRef[0].changed(services));
    private final PollHub hub = new PollHub(new DomainResolver(() -> directory, book)::answer, timer,
            Duration.ofSeconds(30), 100);
    private Server server;
    private String endpoint;
    private AcvipClient client;

    private final ServiceAddress kafkaDc1 = new ServiceAddress("SOFAKAFKA", "10.0.0.1", 9092, "dc1", "z1");
    private final ServiceAddress kafkaDc2 = new ServiceAddress("SOFAKAFKA", "10.0.0.2", 9092, "dc2", "z2");

    @BeforeEach
    void start() throws Exception {
        hubRef[0] = hub;
        server = new Server(new InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler();
        ServletHolder holder = new ServletHolder(new AcvipServlet(hub, book,
                lease -> lease == null ? Duration.ofSeconds(30) : lease, () -> Duration.ofSeconds(30),
                Clock.systemUTC(), new RegistrationGuard(Fakes.Verifier::new, () -> directory, () -> false)));
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/antcloud/antvip/instances/*");
        server.setHandler(context);
        server.start();
        endpoint = "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        client = AcvipClient.builder().endpoints(deadEndpoint() + "," + endpoint).dataCenter("dc1")
                .requestTimeout(Duration.ofSeconds(10)).pollTimeout(Duration.ofSeconds(60)).build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        hub.close();
        server.stop();
    }

    @Test
    @DisplayName("CON-25: the ops guide's curl request is answered with the domain's addresses and dataCenter")
    void seedRequest() throws Exception {
        book.putLocal(kafkaDc1);
        HttpResponse<String> r = post("/antcloud/antvip/instances/get", "{\"allowPolling\": false,\"from\": "
                + "\"sofakafka-client\",\"clientVersion\":\"direct_http_json\",\"vipDomainName2ChecksumMap\": "
                + "{\"default-SOFAKAFKA\": \"N\", \"000001-SOFAKAFKA\": \"N\", \"nobody-SOFAKAFKA\": \"N\"}}");
        assertEquals(200, r.statusCode());
        JsonNode json = mapper.readTree(r.body());
        assertEquals(0, json.get("errorCode").asInt());
        JsonNode domain = json.at("/vipDomains/0");
        assertEquals("default-SOFAKAFKA", domain.get("name").asText());
        assertEquals("10.0.0.1", domain.at("/realNodes/0/ip").asText());
        assertEquals(9092, domain.at("/realNodes/0/port").asInt());
        assertEquals("dc1", domain.at("/realNodes/0/dataCenter").asText());
        assertEquals("000001-SOFAKAFKA", json.at("/vipDomains/1/name").asText());
        assertFalse(json.at("/vipDomains/1/productEnabled").asBoolean(), "CON-27: not enabled in OSP");
        assertEquals(0, json.at("/vipDomains/1/realNodes").size());
        assertEquals("no instance 'nobody'", json.at("/unknownDomains/nobody-SOFAKAFKA").asText());

        String checksum = domain.get("checksum").asText();
        JsonNode again = mapper.readTree(post("/antcloud/antvip/instances/get",
                "{\"vipDomainName2ChecksumMap\": {\"default-SOFAKAFKA\": \"" + checksum + "\"}}").body());
        assertEquals(0, again.get("vipDomains").size());
        assertEquals("default-SOFAKAFKA", again.at("/notModified/0").asText());
    }

    @Test
    @DisplayName("Malformed ACVIP JSON over HTTP: 400 with a clear message, nothing registered")
    void malformed() throws Exception {
        HttpResponse<String> r = post("/antcloud/antvip/instances/get", "{\"vipDomainName2ChecksumMap\": {");
        assertEquals(400, r.statusCode());
        assertTrue(mapper.readTree(r.body()).get("errorMsg").asText().startsWith("malformed ACVIP request: malformed JSON"));

        r = post("/antcloud/antvip/instances/register", "{\"service\":\"DRM\",\"host\":\"10.0.0.1\",\"port\":70000}");
        assertEquals(400, r.statusCode());
        assertEquals("malformed ACVIP request: port must be 1..65535, was 70000",
                mapper.readTree(r.body()).get("errorMsg").asText());
        assertTrue(book.registrations().isEmpty());
    }

    @Test
    @DisplayName("KFK-17/KFK-18: the client keeps its own dataCenter's addresses, and falls back to others when it has none")
    void dataCenterPreference() throws IOException {
        book.putLocal(kafkaDc1);
        book.putLocal(kafkaDc2);
        assertEquals(List.of(kafkaDc1), client.lookup("default", AcvipServices.SOFAKAFKA));
        book.removeLocal(kafkaDc1);
        assertEquals(List.of(kafkaDc2), client.lookup("default", AcvipServices.SOFAKAFKA));
    }

    @Test
    @DisplayName("CON-28: the client skips a dead endpoint and answers from its cache when every endpoint is down")
    void failoverAndCache() throws Exception {
        book.putLocal(kafkaDc1);
        assertEquals(List.of(kafkaDc1), client.lookup("default", AcvipServices.SOFAKAFKA));
        server.stop();
        assertEquals(List.of(kafkaDc1), client.lookup("default", AcvipServices.SOFAKAFKA));

        try (AcvipClient fresh = AcvipClient.builder().endpoint(endpoint).build()) {
            assertThrows(io.weft.api.acvip.AcvipUnavailableException.class,
                    () -> fresh.lookup("default", AcvipServices.SOFAKAFKA));
        }
    }

    @Test
    @DisplayName("CON-25: the client is told explicitly that a domain does not exist")
    void unknownDomain() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> client.lookup("nobody", AcvipServices.DRM));
        assertTrue(e.getMessage().contains("no instance 'nobody'"), e.getMessage());
    }

    @Test
    @DisplayName("KFK-16/REG-11: a role on another node registers over HTTP, is found, and unregisters")
    void registerOverHttp() throws IOException {
        ServiceAddress session = new ServiceAddress("SOFAREGISTRY", "10.0.0.7", 9600, "dc1", "z1");
        client.register(session, Duration.ofSeconds(20));
        assertEquals(List.of(session), client.lookup("000001", AcvipServices.SOFAREGISTRY));
        assertEquals(1, book.registrations().size());
        client.unregister(session);
        assertEquals(List.of(), client.lookup("000001", AcvipServices.SOFAREGISTRY));
    }

    @Test
    @DisplayName("ACVIP long-polling over HTTP: a client waiting with allowPolling gets the new address when it registers")
    void longPollOverHttp() throws Exception {
        assertEquals(List.of(), client.lookup("default", AcvipServices.DRM));
        CompletableFuture<List<ServiceAddress>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return client.awaitChange("default", AcvipServices.DRM);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        while (hub.waitingCount() == 0 && !waiting.isDone()) {
            Thread.onSpinWait();
        }
        ServiceAddress drm = new ServiceAddress("DRM", "10.0.0.8", 9880, "dc1", "");
        book.putLocal(drm);
        assertEquals(List.of(drm), waiting.get(30, TimeUnit.SECONDS));
        assertEquals(List.of(drm), client.cached("default", AcvipServices.DRM).orElseThrow());
    }

    @Test
    @DisplayName("ACVIP long-polling over HTTP: at the maximum wait the poll answers and the client keeps its list")
    void longPollTimesOut() throws Exception {
        assertEquals(List.of(), client.lookup("default", AcvipServices.DRM));
        CompletableFuture<List<ServiceAddress>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return client.awaitChange("default", AcvipServices.DRM);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        while (hub.waitingCount() == 0 && !waiting.isDone()) {
            Thread.onSpinWait();
        }
        timer.fireAll();
        assertEquals(List.of(), waiting.get(30, TimeUnit.SECONDS));
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoint + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A port nothing listens on. */
    private static String deadEndpoint() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "127.0.0.1:" + s.getLocalPort();
        }
    }
}
