package io.weft.itest.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.weft.itest.support.Http;
import io.weft.itest.support.WeftNode;
import io.weft.registry.session.realclient.RealClient;
import io.weft.registry.session.realclient.RealClients;

/**
 * Weft → Registry writing a provider's override to a meta that is not on the console's host, driven over HTTP as
 * the page's form posts (the browser flow is RegistryPageBrowserTest). Test servers bind loopback only, so the
 * node's access guard (intelliproxy) is told with {@code opsRequireLoginFromLoopback} to treat loopback callers as it
 * treats callers from another host: the console's writes take exactly the path of a console on another machine
 * (OpsGuardIntelliproxyTest checks the guard's decision for a non-loopback caller address).
 */
class RegistryPageMetaLoginTest {

    private static final String PAGE = "/system/console/weft-registry";
    private static final String SERVICE = "com.example.MetaLoginEchoService:1.0@DEFAULT";
    private static final String PROVIDER = "127.0.0.1:12200";
    private static final Duration AWAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @DisplayName("REG-66, CON-5, OPS-4: the registry page writes an override to a meta on another host only with"
            + " metaUser/metaPassword; without them, or as a user lacking the permission, it says what to configure")
    void pageLogsInToTheMeta() throws Exception {
        try (WeftNode node = WeftNode.create("registry-page-meta-login");
                RealClients clients = new RealClients()) {
            int metaHttp = node.registryPorts().metaHttp();
            node.configure("io.weft.auth.intelliproxy", Map.of("opsRequireLoginFromLoopback", "true"));
            ConsoleUsersAndOspTest.ready(node.start());
            Http metaOps = new Http("http://127.0.0.1:" + metaHttp, "admin", WeftNode.ADMIN_PASSWORD);
            assertTrue(WeftNode.await(AWAIT, () -> metaOps.get("/health/check").ok()), metaOps.get("/health/check").body());

            RealClient provider = clients.start(node.registryPorts().sessionHttp(), "meta-login-app");
            provider.publish(SERVICE, "SOFA", "bolt://" + PROVIDER + "?weight=100");
            String service = awaitServiceOnPage(node);
            Http admin = node.http();

            // No login configured: the meta refuses, the page names the settings, nothing reaches the meta.
            String refused = disable(admin, service);
            assertTrue(refused.startsWith("Not changed: meta "), refused);
            assertTrue(refused.contains("(401: login required)"), refused);
            assertTrue(refused.contains("set metaUser and metaPassword in the registry page's configuration"
                    + " (PID io.weft.console.registry)"), refused);
            assertTrue(refused.contains("registry.persistent-data.write"), refused);
            assertEquals("0.0", metric(node, "registry_meta_persistent_data"), "no override on the meta");
            assertTrue(WeftNode.await(AWAIT, () -> node.log("registry/meta/registry-meta.log")
                    .contains("/persistentData/put from")), "the meta logs the refusal");
            assertTrue(node.log("weft.log").contains("Governance write refused: meta "), "and the console logs it");

            // A console user without the permission: refused 403, the page says what the user needs.
            String viewerPassword = ConsoleUsersAndOspTest.createUser(admin, "registry-viewer", "viewer");
            node.configure("io.weft.console.registry", Map.of("metaUser", "registry-viewer", "metaPassword", viewerPassword));
            String forbidden = disableOnceApplied(admin, service, m -> m.contains("403"));
            assertTrue(forbidden.contains("user registry-viewer lacks permission registry.persistent-data.write"), forbidden);
            assertTrue(forbidden.contains("metaUser 'registry-viewer'"), forbidden);
            assertFalse(forbidden.contains(viewerPassword), "never the password");

            // A console user holding it (role admin): the override is written.
            String writerPassword = ConsoleUsersAndOspTest.createUser(admin, "registry-writer", "admin");
            node.configure("io.weft.console.registry", Map.of("metaUser", "registry-writer", "metaPassword", writerPassword));
            String done = disableOnceApplied(admin, service, m -> !m.startsWith("Not changed"));
            assertEquals(PROVIDER + " disabled; override override://" + PROVIDER + "?disabled=true", done);
            assertEquals("1.0", metric(node, "registry_meta_persistent_data"), "the override datum on the meta");
            assertTrue(node.log("registry/meta/registry-meta.log").contains("requested by registry-writer"),
                    "the meta logs the console's user as the caller");
        }
    }

    /** The service's dataInfoId once the page lists the provider (a page reads the feed again once 500 ms old). */
    private static String awaitServiceOnPage(WeftNode node) throws InterruptedException {
        Http feed = new Http("http://127.0.0.1:" + node.consoleFeedPort(), "admin", WeftNode.ADMIN_PASSWORD);
        AtomicReference<String> id = new AtomicReference<>();
        assertTrue(WeftNode.await(AWAIT, () -> {
            try {
                for (JsonNode p : JSON.readTree(feed.get("/console/snapshot").body()).path("publishers")) {
                    if (SERVICE.equals(p.path("dataId").asText())) {
                        id.set(p.path("dataInfoId").asText());
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                return false;
            }
            return id.get() != null && node.http().getAsAdmin(PAGE + "?service=" + url(id.get())).body()
                    .contains("data-address=\"" + PROVIDER + "\"");
        }), "the page shows the provider: " + feed.get("/console/snapshot").body());
        return id.get();
    }

    /** Posts the page's Disable form for the provider; answers the message the page shows after its redirect. */
    private static String disable(Http admin, String service) throws Exception {
        String form = Map.of("service", service, "address", PROVIDER, "action", "disable").entrySet().stream()
                .map(e -> url(e.getKey()) + "=" + url(e.getValue())).collect(Collectors.joining("&"));
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + WeftNode.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(admin.base() + PAGE))
                .timeout(Duration.ofSeconds(30)).header("Authorization", basic).header("Origin", admin.base())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, r.statusCode(), r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        String msg = location.substring(location.indexOf("&msg=") + 5);
        return URLDecoder.decode(msg, StandardCharsets.UTF_8);
    }

    /** Posts Disable until the page runs the configuration just written (FileInstall applies it within seconds). */
    private static String disableOnceApplied(Http admin, String service, java.util.function.Predicate<String> applied)
            throws Exception {
        AtomicReference<String> last = new AtomicReference<>();
        assertTrue(WeftNode.await(AWAIT, () -> {
            try {
                last.set(disable(admin, service));
                return applied.test(last.get());
            } catch (Exception e) {
                last.set(e.toString());
                return false;
            }
        }), "the page's new configuration applies: " + last.get());
        return last.get();
    }

    private static String url(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A gauge's value from the node's /metrics. */
    private static String metric(WeftNode node, String name) {
        for (String line : node.http().get("/metrics").body().split("\n")) {
            if (line.startsWith(name + " ")) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return "absent";
    }
}
