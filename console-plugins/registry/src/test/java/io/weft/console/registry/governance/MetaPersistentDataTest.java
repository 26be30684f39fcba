package io.weft.console.registry.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.weft.console.registry.feed.HttpCalls;

/** The page's writes to the meta's {@code /persistentData/*}, against a tiny HTTP server standing in for the meta. */
class MetaPersistentDataTest {

    private static final String DATA_ID = "com.example.EchoService:1.0@DEFAULT";

    /** What a meta saw: the Authorization header of each request (null when absent). */
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private final List<HttpServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    /** A meta answering every request with {@code status} and {@code body}; its host:port. */
    private String meta(int status, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/persistentData/", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (status == 401) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Weft\", charset=\"UTF-8\"");
            }
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    private static MetaPersistentData writer(MetaLogin login, String... metas) {
        return new MetaPersistentData(new HttpCalls(Duration.ofSeconds(5)), List.of(metas), login);
    }

    @Test
    @DisplayName("REG-66, OPS-4: with metaUser and metaPassword set, every write carries them as HTTP Basic, to the"
            + " follower and to the leader")
    void sendsTheLogin() throws Exception {
        String follower = meta(503, "{\"success\":false,\"message\":\"not leader\"}");
        String leader = meta(200, "{\"success\":true,\"message\":null}");
        writer(MetaLogin.of("registry-writer", "s3cret:with colon"), follower, leader)
                .put("default", DATA_ID, 1, "override://10.0.0.5:12200?disabled=true");
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString("registry-writer:s3cret:with colon".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(expected, expected), authorizations);

        authorizations.clear();
        writer(MetaLogin.of("registry-writer", "s3cret:with colon"), leader).remove("default", DATA_ID);
        assertEquals(List.of(expected), authorizations);
    }

    @Test
    @DisplayName("REG-66: without metaUser no Authorization header is sent (a meta on the console's own host)")
    void sendsNothingWithoutLogin() throws Exception {
        String leader = meta(200, "{\"success\":true,\"message\":null}");
        writer(MetaLogin.of("  ", "ignored"), leader).put("default", DATA_ID, 1, "override://10.0.0.5:12200?weight=5");
        assertEquals(1, authorizations.size());
        assertNull(authorizations.get(0));
    }

    @Test
    @DisplayName("OPS-4: a meta answering 401 to a page without login stops the write with a message naming"
            + " metaUser, metaPassword and the permission")
    void unauthenticatedSaysWhatToConfigure() throws Exception {
        String remote = meta(401, "{\"success\":false,\"message\":\"login required\"}");
        String never = meta(200, "{\"success\":true,\"message\":null}");
        GovernanceException e = assertThrows(GovernanceException.class,
                () -> writer(MetaLogin.none(), remote, never).put("default", DATA_ID, 1, "override://h:1?disabled=true"));
        assertTrue(e.getMessage().contains("(401: login required)"), e.getMessage());
        assertTrue(e.getMessage().contains("set metaUser and metaPassword in the registry page's configuration"
                + " (PID io.weft.console.registry)"), e.getMessage());
        assertTrue(e.getMessage().contains("registry.persistent-data.write"), e.getMessage());
        assertEquals(1, authorizations.size(), "a refusal is not a fault to route around: " + authorizations);
    }

    @Test
    @DisplayName("OPS-4: a meta refusing the configured user (401 wrong password, 403 missing permission) names the"
            + " user and what it needs, never the password")
    void refusedLoginSaysWhatToFix() throws Exception {
        MetaLogin login = MetaLogin.of("viewer1", "pa55word");
        GovernanceException wrong = assertThrows(GovernanceException.class,
                () -> writer(login, meta(401, "{\"success\":false,\"message\":\"invalid credentials\"}"))
                        .remove("default", DATA_ID));
        assertTrue(wrong.getMessage().contains("Check metaUser ('viewer1') and metaPassword"), wrong.getMessage());
        GovernanceException forbidden = assertThrows(GovernanceException.class,
                () -> writer(login, meta(403, "{\"success\":false,\"message\":\"user viewer1 lacks permission"
                        + " registry.persistent-data.write\"}")).remove("default", DATA_ID));
        assertTrue(forbidden.getMessage().contains("(403: user viewer1 lacks permission registry.persistent-data.write)"),
                forbidden.getMessage());
        assertTrue(forbidden.getMessage().contains("metaUser 'viewer1'"), forbidden.getMessage());
        assertFalse(wrong.getMessage().contains("pa55word") || forbidden.getMessage().contains("pa55word"));
        assertFalse(login.toString().contains("pa55word"), login.toString());
    }

    @Test
    @DisplayName("A metaUser with ':' is refused: HTTP Basic could not carry it")
    void userWithColon() {
        assertThrows(IllegalArgumentException.class, () -> MetaLogin.of("a:b", "x"));
        assertFalse(MetaLogin.of("", "x").present());
    }
}
