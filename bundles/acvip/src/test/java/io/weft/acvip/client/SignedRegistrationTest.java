package io.weft.acvip.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
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
import io.weft.api.acvip.AcvipCredentials;
import io.weft.api.acvip.AcvipProtocol;
import io.weft.api.acvip.AcvipRefusedException;
import io.weft.api.acvip.AcvipServices;
import io.weft.api.acvip.ServiceAddress;
import io.weft.api.osp.RequestSigning;

/**
 * Register and unregister need an OSP AccessKey signature (permission antcloud.acvip.register) except
 * from loopback while registrationRequiresSignatureFromLoopback is off. The servlet runs in a real Jetty
 * 11 on 127.0.0.1; a call "from another host" sends {@code X-Forwarded-For}, which this test's Jetty (and
 * only it: Felix's does not) takes as the caller's address.
 */
class SignedRegistrationTest {

    private static final String REGISTER = AcvipProtocol.REGISTER_PATH;
    private static final String UNREGISTER = AcvipProtocol.UNREGISTER_PATH;
    private static final String REMOTE = "10.9.8.7";
    private static final String SECRET = "s3cretS3cretS3cretS3cretS3cret";
    private static final String KEY = "AKREGISTER0000000001";
    private static final String KEY_NO_PERMISSION = "AKAPPLICATION0000001";
    private static final String KEY_OF_SHOP = "AKSHOP00000000000001";
    private static final String BODY = "{\"service\":\"SOFAREGISTRY\",\"host\":\"10.0.0.7\",\"port\":9600,"
            + "\"dataCenter\":\"dc1\",\"zone\":\"z1\",\"leaseSeconds\":60}";
    private static final ServiceAddress SESSION = new ServiceAddress("SOFAREGISTRY", "10.0.0.7", 9600, "dc1", "z1");

    private final ObjectMapper mapper = new ObjectMapper();
    /** 'shop' has only DRM: its keys may not register SOFAREGISTRY. */
    private final Fakes.Directory directory = new Fakes.Directory().put("shop", Set.of("DRM"));
    private final Fakes.Verifier verifier = new Fakes.Verifier()
            .key(KEY, SECRET, "default", AcvipProtocol.REGISTER_PERMISSION)
            .key(KEY_NO_PERMISSION, SECRET, "default", "antcloud.deps.cell.list")
            .key(KEY_OF_SHOP, SECRET, "shop", "antcloud.acvip.*");
    private final AtomicBoolean requireFromLoopback = new AtomicBoolean();
    private final Fakes.ManualTimer timer = new Fakes.ManualTimer();
    private final PollHub[] hubRef = new PollHub[1];
    private final AddressBook book = new AddressBook(Clock.systemUTC(), Duration.ofSeconds(10),
            services -> hubRef[0].changed(services));
    private final PollHub hub = new PollHub(new DomainResolver(() -> directory, book)::answer, timer,
            Duration.ofSeconds(30), 100);
    private Server server;
    private String endpoint;

    @BeforeEach
    void start() throws Exception {
        hubRef[0] = hub;
        server = new Server();
        HttpConfiguration config = new HttpConfiguration();
        config.addCustomizer(new ForwardedRequestCustomizer());
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        ServletHolder holder = new ServletHolder(new AcvipServlet(hub, book,
                lease -> lease == null ? Duration.ofSeconds(30) : lease, () -> Duration.ofSeconds(30),
                Clock.systemUTC(), new RegistrationGuard(() -> verifier, () -> directory, requireFromLoopback::get)));
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/antcloud/antvip/instances/*");
        server.setHandler(context);
        server.start();
        endpoint = "http://127.0.0.1:" + connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        hub.close();
        server.stop();
    }

    @Test
    @DisplayName("From loopback, an unsigned registration is accepted by default (registrationRequiresSignatureFromLoopback=false)")
    void loopbackUnsignedAllowedByDefault() throws Exception {
        assertEquals(200, post(REGISTER, BODY, null, Map.of()).statusCode());
        assertEquals(List.of(SESSION), registered());
        assertEquals(200, post(UNREGISTER, BODY, null, Map.of()).statusCode());
        assertEquals(List.of(), registered());
        assertEquals(0, verifier.calls(), "nothing to verify");
    }

    @Test
    @DisplayName("From loopback with registrationRequiresSignatureFromLoopback=true: unsigned is refused 401, signed accepted")
    void loopbackUnsignedRefusedWhenSwitchOn() throws Exception {
        requireFromLoopback.set(true);
        HttpResponse<String> r = post(REGISTER, BODY, null, Map.of());
        assertRefused(r, 401, "MALFORMED", "requires an OSP AccessKey signature");
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith(AcvipProtocol.AUTH_SCHEME),
                r.headers().map().toString());
        assertEquals(List.of(), registered());

        assertEquals(200, post(REGISTER, BODY, null, signed(KEY, "default", SECRET, BODY)).statusCode());
        assertEquals(List.of(SESSION), registered());
        assertRefused(post(UNREGISTER, BODY, null, Map.of()), 401, "MALFORMED", "requires");
        assertEquals(List.of(SESSION), registered(), "an unsigned unregister removes nothing");

        // The switch applies at once.
        requireFromLoopback.set(false);
        assertEquals(200, post(UNREGISTER, BODY, null, Map.of()).statusCode());
        assertEquals(List.of(), registered());
    }

    @Test
    @DisplayName("From another host, an unsigned register or unregister is refused 401, even a malformed one; nothing changes")
    void remoteUnsignedRefused() throws Exception {
        assertRefused(post(REGISTER, BODY, REMOTE, Map.of()), 401, "MALFORMED", AcvipProtocol.REGISTER_PERMISSION);
        assertEquals(List.of(), registered());
        assertRefused(post(REGISTER, "{not json", REMOTE, Map.of()), 401, "MALFORMED", "signature");

        book.renew(SESSION, Duration.ofSeconds(60));
        assertRefused(post(UNREGISTER, BODY, REMOTE, Map.of()), 401, "MALFORMED", "signature");
        assertEquals(List.of(SESSION), registered(), "a stranger cannot withdraw an address");

        // Lookups stay open (CON-25).
        HttpResponse<String> lookup = post(AcvipProtocol.GET_PATH,
                "{\"vipDomainName2ChecksumMap\": {\"default-SOFAREGISTRY\": \"N\"}}", REMOTE, Map.of());
        assertEquals(200, lookup.statusCode(), lookup.body());
        assertEquals("10.0.0.7", mapper.readTree(lookup.body()).at("/vipDomains/0/realNodes/0/ip").asText());
    }

    @Test
    @DisplayName("From another host, a bad signature is refused 403 BAD_SIGNATURE: wrong secret, or a body changed after signing")
    void badSignatureRefused() throws Exception {
        assertRefused(post(REGISTER, BODY, REMOTE, signed(KEY, "default", "wrong-secret", BODY)), 403,
                "BAD_SIGNATURE", KEY);
        String other = BODY.replace("10.0.0.7", "6.6.6.6");
        assertRefused(post(REGISTER, other, REMOTE, signed(KEY, "default", SECRET, BODY)), 403,
                "BAD_SIGNATURE", "does not match");
        assertRefused(post(REGISTER, BODY, REMOTE, signed("AKUNKNOWN", "default", SECRET, BODY)), 403,
                "UNKNOWN_ACCESS_KEY", "AKUNKNOWN");
        Map<String, String> stale = signed(KEY, "default", SECRET, BODY, System.currentTimeMillis() - 3_600_000);
        assertRefused(post(REGISTER, BODY, REMOTE, stale), 403, "EXPIRED", KEY);
        Map<String, String> noTimestamp = new LinkedHashMap<>(signed(KEY, "default", SECRET, BODY));
        noTimestamp.remove(AcvipProtocol.TIMESTAMP_HEADER);
        assertRefused(post(REGISTER, BODY, REMOTE, noTimestamp), 403, "MALFORMED", AcvipProtocol.TIMESTAMP_HEADER);
        assertEquals(List.of(), registered(), "nothing registered by a refused call");

        // A signature sent from loopback is checked too.
        assertRefused(post(REGISTER, BODY, null, signed(KEY, "default", "wrong-secret", BODY)), 403,
                "BAD_SIGNATURE", KEY);
        assertEquals(List.of(), registered());
    }

    @Test
    @DisplayName("A valid key without antcloud.acvip.register, a key of another instance, or of an instance without the"
            + " product: 403 with the reason")
    void wrongKeyRefused() throws Exception {
        assertRefused(post(REGISTER, BODY, REMOTE, signed(KEY_NO_PERMISSION, "default", SECRET, BODY)), 403,
                "PERMISSION_DENIED", "lacks permission antcloud.acvip.register");
        assertRefused(post(REGISTER, BODY, REMOTE, signed(KEY, "shop", SECRET, BODY)), 403,
                "INSTANCE_MISMATCH", "belongs to instance default");
        assertRefused(post(REGISTER, BODY, REMOTE, signed(KEY_OF_SHOP, "shop", SECRET, BODY)), 403,
                AcvipProtocol.PRODUCT_NOT_ENABLED, "does not have SOFAREGISTRY enabled");
        assertEquals(List.of(), registered());

        // The same key may register the product its instance has.
        String drm = "{\"service\":\"DRM\",\"host\":\"10.0.0.8\",\"port\":9880}";
        assertEquals(200, post(REGISTER, drm, REMOTE, signed(KEY_OF_SHOP, "shop", SECRET, drm)).statusCode());
        assertEquals(List.of(new ServiceAddress("DRM", "10.0.0.8", 9880, "", "")), registered());
    }

    @Test
    @DisplayName("From another host, a good signature registers and unregisters; a malformed signed body gets 400")
    void goodSignatureAccepted() throws Exception {
        HttpResponse<String> r = post(REGISTER, BODY, REMOTE, signed(KEY, "default", SECRET, BODY));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(60, mapper.readTree(r.body()).get("leaseSeconds").asInt());
        assertEquals(List.of(SESSION), registered());

        String unregister = "{\"service\":\"SOFAREGISTRY\",\"host\":\"10.0.0.7\",\"port\":9600}";
        r = post(UNREGISTER, unregister, REMOTE, signed(KEY, "default", SECRET, unregister));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(mapper.readTree(r.body()).get("removed").asBoolean());
        assertEquals(List.of(), registered());

        String malformed = "{\"service\":\"SOFAREGISTRY\",\"host\":\"10.0.0.7\",\"port\":70000}";
        assertEquals(400, post(REGISTER, malformed, REMOTE, signed(KEY, "default", SECRET, malformed)).statusCode());
    }

    @Test
    @DisplayName("The same signed request sent again is refused 403 REPLAYED and registers nothing")
    void replayRefused() throws Exception {
        Map<String, String> headers = signed(KEY, "default", SECRET, BODY);
        assertEquals(200, post(REGISTER, BODY, REMOTE, headers).statusCode());
        book.unregister(SESSION);
        assertRefused(post(REGISTER, BODY, REMOTE, headers), 403, "REPLAYED", "already used");
        assertEquals(List.of(), registered(), "the replay did not register the address again");
    }

    @Test
    @DisplayName("AcvipClient signs register, unregister and keepRegistered with AcvipCredentials; without them, or"
            + " with a key lacking the permission, it gets AcvipRefusedException")
    void clientSigns() throws Exception {
        requireFromLoopback.set(true);
        try (AcvipClient client = AcvipClient.builder().endpoint(endpoint).build()) {
            AcvipCredentials good = new AcvipCredentials("default", KEY, SECRET);
            assertFalse(good.toString().contains(SECRET), good.toString());

            AcvipRefusedException unsigned = assertThrows(AcvipRefusedException.class,
                    () -> client.register(SESSION, Duration.ofSeconds(60)));
            assertEquals(401, unsigned.status());
            AcvipRefusedException denied = assertThrows(AcvipRefusedException.class,
                    () -> client.register(SESSION, Duration.ofSeconds(60),
                            new AcvipCredentials("default", KEY_NO_PERMISSION, SECRET)));
            assertEquals(403, denied.status());
            assertEquals("PERMISSION_DENIED", denied.reason());
            assertEquals(List.of(), registered());

            // Twice in a row: every call is signed anew, so the second is no replay.
            client.register(SESSION, Duration.ofSeconds(60), good);
            client.register(SESSION, Duration.ofSeconds(60), good);
            assertEquals(List.of(SESSION), client.lookup("default", AcvipServices.SOFAREGISTRY));
            client.unregister(SESSION, good);
            assertEquals(List.of(), registered());

            ServiceAddress drm = new ServiceAddress("DRM", "10.0.0.9", 9880, "", "");
            AutoCloseable lease = client.keepRegistered(drm, Duration.ofSeconds(30), good);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (registered().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(List.of(drm), registered());
            lease.close();
            assertEquals(List.of(), registered(), "closing the handle unregisters, signed");
        }
    }

    // ---- helpers ----

    private List<ServiceAddress> registered() {
        return book.registrations().stream().map(r -> r.address()).toList();
    }

    private void assertRefused(HttpResponse<String> r, int status, String reason, String inMessage) throws IOException {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode json = mapper.readTree(r.body());
        assertEquals(status, json.get(AcvipProtocol.ERROR_CODE).asInt(), r.body());
        assertEquals(reason, json.get(AcvipProtocol.REASON).asText(), r.body());
        String message = json.get(AcvipProtocol.ERROR_MSG).asText();
        assertTrue(message.startsWith("registration refused: "), message);
        assertTrue(message.contains(inMessage), "'" + inMessage + "' in " + message);
        assertFalse(message.contains(SECRET), message);
    }

    private static Map<String, String> signed(String accessKey, String instance, String secret, String body) {
        return signed(accessKey, instance, secret, body, System.currentTimeMillis());
    }

    private static Map<String, String> signed(String accessKey, String instance, String secret, String body,
            long timestamp) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(AcvipProtocol.ACCESS_KEY_HEADER, accessKey);
        h.put(AcvipProtocol.INSTANCE_HEADER, instance);
        h.put(AcvipProtocol.TIMESTAMP_HEADER, Long.toString(timestamp));
        h.put(AcvipProtocol.SIGNATURE_HEADER,
                RequestSigning.sign(secret, RequestSigning.stringToSign(instance, timestamp, body)));
        return h;
    }

    /** POSTs {@code body}; {@code from} non-null: as if from that host (X-Forwarded-For). */
    private HttpResponse<String> post(String path, String body, String from, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (from != null) {
            b.header("X-Forwarded-For", from);
        }
        headers.forEach(b::header);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
