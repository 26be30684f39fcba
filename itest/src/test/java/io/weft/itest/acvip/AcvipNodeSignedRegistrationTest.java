package io.weft.itest.acvip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.weft.api.acvip.AcvipClient;
import io.weft.api.acvip.AcvipCredentials;
import io.weft.api.acvip.AcvipProtocol;
import io.weft.api.acvip.AcvipRefusedException;
import io.weft.api.acvip.AcvipServices;
import io.weft.api.acvip.ServiceAddress;
import io.weft.itest.support.Http;
import io.weft.itest.support.WeftNode;

/**
 * ACVIP registration signed with an OSP AccessKey on a real standalone node that requires signatures even
 * from loopback ({@code registrationRequiresSignatureFromLoopback = true} in conf/io.weft.acvip.cfg before
 * the first start). The keys are made on the console's OSP page, as an operator makes them.
 */
class AcvipNodeSignedRegistrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration AWAIT = Duration.ofSeconds(60);
    private static final String OSP_PAGE = "/system/console/weft-osp";
    private static final Pattern ACCESS_KEY = Pattern.compile("<th>AccessKey</th><td><code>([A-Z0-9]+)</code>");
    private static final Pattern SECRET_KEY = Pattern.compile("<th>SecretKey</th><td><code>([A-Za-z0-9]+)</code>");
    private static final String LOOPBACK = "127.0.0.1";

    @Test
    @DisplayName("With registrationRequiresSignatureFromLoopback=true, AcvipClient registers and unregisters with a key"
            + " holding antcloud.acvip.register made on the OSP page; unsigned (401) or with a key lacking the"
            + " permission (403) it is refused, nothing changes, and acvip.log names the key but no secret")
    void signedRegistration() throws Exception {
        try (WeftNode node = WeftNode.create("acvip-signed")) {
            Files.writeString(node.home().resolve("conf/io.weft.acvip.cfg"), String.join("\n",
                    "httpInstance=acvip",
                    "probeIntervalMillis=200",
                    "probeTimeoutMillis=200",
                    "registrationRequiresSignatureFromLoopback=true",
                    ""), StandardCharsets.UTF_8);
            node.start();
            assertTrue(WeftNode.await(AWAIT, () -> node.log("weft.log")
                    .contains("registrationRequiresSignatureFromLoopback=true")), node.log("weft.log"));

            String[] registrar = createKey(node, "default", AcvipProtocol.REGISTER_PERMISSION);
            String[] application = createKey(node, "default", "antcloud.deps.cell.list");
            AcvipCredentials good = new AcvipCredentials("default", registrar[0], registrar[1]);
            AcvipCredentials lacking = new AcvipCredentials("default", application[0], application[1]);

            // The node's own console port answers ACVIP's TCP probe, so the address stays listed.
            ServiceAddress drm = new ServiceAddress(AcvipServices.DRM, LOOPBACK, node.httpPort(), "dc1", "zone1");
            Http acvip = new Http("http://" + LOOPBACK + ":" + node.acvipPort(), "admin", WeftNode.ADMIN_PASSWORD);
            try (AcvipClient client = AcvipClient.builder().endpoint(LOOPBACK + ":" + node.acvipPort())
                    .from("weft-itest").requestTimeout(Duration.ofSeconds(10)).build()) {
                AcvipRefusedException unsigned = assertThrows(AcvipRefusedException.class,
                        () -> client.register(drm, Duration.ofSeconds(120)));
                assertEquals(401, unsigned.status(), unsigned.getMessage());
                AcvipRefusedException denied = assertThrows(AcvipRefusedException.class,
                        () -> client.register(drm, Duration.ofSeconds(120), lacking));
                assertEquals(403, denied.status(), denied.getMessage());
                assertEquals("PERMISSION_DENIED", denied.reason(), denied.getMessage());
                assertEquals(List.of(), ours(client, drm), "refused calls register nothing");

                client.register(drm, Duration.ofSeconds(120), good);
                assertEquals(List.of(drm), ours(client, drm));

                // A raw unsigned unregister from loopback is refused too, with the reason in the JSON.
                Http.Response r = acvip.postJson(AcvipProtocol.UNREGISTER_PATH,
                        "{\"service\":\"DRM\",\"host\":\"127.0.0.1\",\"port\":" + node.httpPort() + "}");
                assertEquals(401, r.status(), r.body());
                JsonNode error = JSON.readTree(r.body());
                assertEquals(401, error.path(AcvipProtocol.ERROR_CODE).asInt(), r.body());
                assertEquals("MALFORMED", error.path(AcvipProtocol.REASON).asText(), r.body());
                assertEquals(List.of(drm), ours(client, drm), "still listed");

                client.unregister(drm, good);
                assertEquals(List.of(), ours(client, drm));
            }

            String log = node.log("acvip/acvip.log");
            assertTrue(log.lines().anyMatch(l -> l.contains(" WARN ") && l.contains("refused")
                    && l.contains("AccessKey " + application[0]) && l.contains("PERMISSION_DENIED")), log);
            assertTrue(log.lines().anyMatch(l -> l.contains(" WARN ") && l.contains("refused")
                    && l.contains("no AccessKey") && l.contains("401")), log);
            assertNoSecretInLogs(node, registrar[1]);
            assertNoSecretInLogs(node, application[1]);
        }
    }

    /**
     * The test's address as ACVIP lists it: the node's own drmdata registers its DRM address as well
     * (it runs the drm role), which this test leaves alone.
     */
    private static List<ServiceAddress> ours(AcvipClient client, ServiceAddress mine) throws Exception {
        return client.lookup("default", AcvipServices.DRM).stream()
                .filter(a -> a.host().equals(mine.host()) && a.port() == mine.port()).toList();
    }

    /** Creates an AccessKey on the OSP page; returns {AccessKey, SecretKey} as the one-time answer shows them. */
    private static String[] createKey(WeftNode node, String instanceId, String permissions) {
        Http.Response r = node.http().postFormAsAdmin(OSP_PAGE, Map.of("action", "key-create",
                "instanceId", instanceId, "permissions", permissions));
        assertEquals(200, r.status(), r.body());
        return new String[] {group(ACCESS_KEY, r.body()), group(SECRET_KEY, r.body())};
    }

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        assertTrue(m.find(), p + " in " + text);
        return m.group(1);
    }

    private static void assertNoSecretInLogs(WeftNode node, String secret) throws IOException {
        try (Stream<Path> files = Files.walk(node.home().resolve("logs"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(f, StandardCharsets.ISO_8859_1).contains(secret), "SecretKey in " + f);
            }
        }
    }
}
