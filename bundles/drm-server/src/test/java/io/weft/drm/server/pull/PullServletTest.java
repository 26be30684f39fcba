package io.weft.drm.server.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.weft.drm.protocol.DrmJson;
import io.weft.drm.protocol.PullProtocol;
import io.weft.drm.protocol.PullTokens;
import io.weft.drm.server.core.FakeDrmStore;
import io.weft.drm.server.monitor.DrmMetrics;
import io.weft.drm.server.cache.AttributeCache;
import io.weft.drm.server.core.DatabaseState;

class PullServletTest {

    static final String INSTANCE = "acme";
    static final String KEY = "com.example.Cache:mode";

    private final FakeDrmStore store = new FakeDrmStore();
    private final DrmMetrics metrics = new DrmMetrics();
    private final PullTokenAuthority tokens = new PullTokenAuthority(store, Clock.systemUTC(), () -> 900);
    private final HttpClient http = HttpClient.newHttpClient();
    private Server jetty;
    private String base;

    @BeforeEach
    void start() throws Exception {
        store.declare(INSTANCE, List.of(KEY));
        PullService service = new PullService(new AttributeCache(store), tokens, metrics, new DatabaseState(),
                Clock.systemUTC());
        jetty = new Server(new java.net.InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new PullServlet(service)), PullProtocol.PATH);
        jetty.setHandler(context);
        jetty.start();
        base = "http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        jetty.stop();
    }

    private HttpResponse<String> pull(String token, String instanceId, String key, long version, String zone)
            throws Exception {
        String q = "?instanceId=" + enc(instanceId) + "&key=" + enc(key) + "&version=" + version
                + (zone == null ? "" : "&zone=" + enc(zone));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + PullProtocol.PATH + q)).GET();
        if (token != null) {
            b.header(PullProtocol.TOKEN_HEADER, token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("DRM-6: a pull with a valid token gets the value of the version it was told, as JSON")
    void pullsValue() throws Exception {
        store.push(INSTANCE, KEY, "GEOHASH");
        HttpResponse<String> r = pull(tokens.issue(INSTANCE), INSTANCE, KEY, 1, null);
        assertEquals(200, r.statusCode());
        JsonNode body = DrmJson.mapper().readTree(r.body());
        assertEquals("GEOHASH", body.get("value").asText());
        assertEquals(1, body.get("version").asLong());
        assertEquals(false, body.get("gray").asBoolean());
        // A newer version than cached: the node reads the store again (a broadcast it missed).
        store.push(INSTANCE, KEY, "LATLNG");
        HttpResponse<String> newer = pull(tokens.issue(INSTANCE), INSTANCE, KEY, 2, null);
        assertEquals("LATLNG", DrmJson.mapper().readTree(newer.body()).get("value").asText());
        assertEquals(2L, metrics.pullsByStatus().get(200));
    }

    @Test
    @DisplayName("DRM-12: a pull without token, with a forged one or one of another instance is refused 401")
    void refusesBadTokens() throws Exception {
        store.push(INSTANCE, KEY, "v");
        assertEquals(401, pull(null, INSTANCE, KEY, 1, null).statusCode());
        String forged = new PullTokens("another secret of sixteen bytes".getBytes()).issue(INSTANCE,
                System.currentTimeMillis() + 60_000);
        assertEquals(401, pull(forged, INSTANCE, KEY, 1, null).statusCode());
        HttpResponse<String> other = pull(tokens.issue("other"), INSTANCE, KEY, 1, null);
        assertEquals(401, other.statusCode());
        assertEquals("AUTH_FAILED", DrmJson.mapper().readTree(other.body()).get("error").asText());
    }

    @Test
    @DisplayName("DRM-6: an unknown attribute is 404, a malformed request 400, a database outage 503")
    void errors() throws Exception {
        String token = tokens.issue(INSTANCE);
        HttpResponse<String> unknown = pull(token, INSTANCE, "com.example.Nope:x", 1, null);
        assertEquals(404, unknown.statusCode());
        assertEquals("UNKNOWN_ATTRIBUTE", DrmJson.mapper().readTree(unknown.body()).get("error").asText());
        assertEquals(400, pull(token, INSTANCE, "no-colon", 1, null).statusCode());
        store.failing(true);
        assertEquals(503, pull(token, INSTANCE, KEY, 5, null).statusCode());
    }

    @Test
    @DisplayName("CON gray release: a client whose IP or zone is a gray target pulls the gray value, others the common one")
    void grayByIpAndZone() throws Exception {
        store.push(INSTANCE, KEY, "common");
        String token = tokens.issue(INSTANCE);
        store.pushGray(INSTANCE, KEY, "gray", Set.of("127.0.0.1"), Set.of());
        JsonNode mine = DrmJson.mapper().readTree(pull(token, INSTANCE, KEY, 2, null).body());
        assertEquals("gray", mine.get("value").asText());
        assertTrue(mine.get("gray").asBoolean());
        store.pushGray(INSTANCE, KEY, "gray2", Set.of("10.1.1.1"), Set.of("GZ00B"));
        // Told version 3 (its zone is a target): memory is older, so the node reads the store.
        JsonNode zoneTarget = DrmJson.mapper().readTree(pull(token, INSTANCE, KEY, 3, "GZ00B").body());
        assertEquals("gray2", zoneTarget.get("value").asText());
        JsonNode notTarget = DrmJson.mapper().readTree(pull(token, INSTANCE, KEY, 1, "GZ00A").body());
        assertEquals("common", notTarget.get("value").asText());
        assertEquals(1, notTarget.get("version").asLong());
    }
}
