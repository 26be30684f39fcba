package io.weft.registry.session.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.api.auth.AccessGuard;
import io.weft.api.auth.Decision;
import io.weft.api.auth.Permissions;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OpsServletsTest {

    private static final String CLIENT_QUERY =
            "?instanceId=null&zone=DEFAULT_ZONE&dataCenter=DefaultDataCenter&appName=app&env=null";

    private final FakeSessionView session = new FakeSessionView();
    private final AtomicReference<AccessGuard> guard = new AtomicReference<>();
    private OpsHttp http;

    @BeforeEach
    void start() throws Exception {
        OpsJson json = new OpsJson();
        http = new OpsHttp()
                .serve(new DiscoveryServlet(session, json), DiscoveryServlet.QUERY, DiscoveryServlet.QUERY_WITH_WEIGHT)
                .serve(new HealthCheckServlet(new HealthCheck(session), json), HealthCheckServlet.PATH)
                .serve(new PushSwitchServlet(session.pushSwitch, guard::get, json), PushSwitchServlet.PATH)
                .serve(new ConnectionsServlet(session, json), ConnectionsServlet.PATH)
                .serve(new DataCountServlet(session, json), DataCountServlet.PATH)
                .start();
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
    }

    @Test
    @DisplayName("RCP-16: /api/servers/query answers the session's Bolt endpoint in plain text, 'null' values accepted")
    void discovery() throws Exception {
        HttpResponse<String> r = http.get(DiscoveryServlet.QUERY + CLIENT_QUERY);
        assertEquals(200, r.statusCode());
        assertEquals("127.0.0.1:9600", r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    }

    @Test
    @DisplayName("RCP-10: /api/servers/queryWithWeight, which 6.5.x clients try first, answers the same list")
    void discoveryWithWeight() throws Exception {
        HttpResponse<String> r = http.get(DiscoveryServlet.QUERY_WITH_WEIGHT + CLIENT_QUERY);
        assertEquals(200, r.statusCode());
        assertEquals("127.0.0.1:9600", r.body());
    }

    @Test
    @DisplayName("RCP-16: a session in a cluster answers every session the meta servers know, ';'-separated")
    void discoveryInCluster() throws Exception {
        session.sessionEndpoints = List.of("10.0.0.1:9600", "10.0.0.2:9600", "127.0.0.1:9600");
        HttpResponse<String> r = http.get(DiscoveryServlet.QUERY + CLIENT_QUERY);
        assertEquals(200, r.statusCode());
        assertEquals("10.0.0.1:9600;10.0.0.2:9600;127.0.0.1:9600", r.body());
    }

    @Test
    @DisplayName("OPS-4, REG-50: in a cluster the health says the mode and data servers; no meta leader is down")
    void healthInCluster() throws Exception {
        session.cluster = new ClusterStatus(true, "p1", true, "10.0.0.9:9610", 3,
                Map.of("10.0.0.5:9620", true, "10.0.0.6:9620", false), 0, Map.of());
        HttpResponse<String> up = http.get(HealthCheckServlet.PATH);
        assertEquals(200, up.statusCode());
        assertTrue(up.body().contains("mode:cluster, meta:true (leader 10.0.0.9:9610), slotTableEpoch:3,"
                + " data:1/2 reachable"), up.body());

        session.cluster = new ClusterStatus(true, "p1", false, null, 3, Map.of(), 0, Map.of());
        HttpResponse<String> down = http.get(HealthCheckServlet.PATH);
        assertEquals(503, down.statusCode());
        assertTrue(down.body().contains("no meta leader answers"), down.body());
    }

    @Test
    @DisplayName("RCP-16: while the client port does not listen discovery answers 503, no endpoint")
    void discoveryWhileDown() throws Exception {
        session.endpoint = null;
        HttpResponse<String> r = http.get(DiscoveryServlet.QUERY + CLIENT_QUERY);
        assertEquals(503, r.statusCode());
        assertEquals("", r.body());
    }

    @Test
    @DisplayName("RCP-16: a query value no client sends (over 256 characters) gets 400 with a JSON message")
    void discoveryBadQuery() throws Exception {
        HttpResponse<String> r = http.get(DiscoveryServlet.QUERY + "?appName=" + "a".repeat(300));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().startsWith("{\"success\":false,\"message\":\"parameter 'appName' longer than 256"),
                r.body());
    }

    @Test
    @DisplayName("OPS-4: /health/check is success true while the client port listens")
    void healthUp() throws Exception {
        HttpResponse<String> r = http.get(HealthCheckServlet.PATH);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().startsWith("{\"success\":true,\"message\":\"SessionServer boltServer:true"), r.body());
    }

    @Test
    @DisplayName("OPS-4: /health/check is 503 with success false while the client port is down")
    void healthDown() throws Exception {
        session.endpoint = null;
        HttpResponse<String> r = http.get(HealthCheckServlet.PATH);
        assertEquals(503, r.statusCode());
        assertTrue(r.body().startsWith("{\"success\":false,\"message\":\"SessionServer boltServer:false"), r.body());
    }

    @Test
    @DisplayName("REG-62: /digest/pushSwitch shows the switch as this session sees it")
    void pushSwitchRead() throws Exception {
        assertEquals("{\"pushSwitch\":\"open\",\"stopPush\":false}", http.get(PushSwitchServlet.PATH).body());
        session.pushSwitch.close();
        assertEquals("{\"pushSwitch\":\"closed\",\"stopPush\":true}", http.get(PushSwitchServlet.PATH).body());
    }

    @Test
    @DisplayName("REG-61: POST /digest/pushSwitch?open=false closes push and ?open=true opens it, as the guard allows")
    void pushSwitchWrite() throws Exception {
        List<String> asked = new ArrayList<>();
        guard.set(new FixedGuard(Decision.allowed(null, "loopback"), asked));

        HttpResponse<String> closed = http.post(PushSwitchServlet.PATH + "?open=false", null);
        assertEquals(200, closed.statusCode());
        assertEquals("{\"success\":true,\"message\":\"push closed\",\"pushSwitch\":\"closed\",\"stopPush\":true}",
                closed.body());
        assertFalse(session.pushSwitch.isOpen());

        assertEquals(200, http.post(PushSwitchServlet.PATH + "?open=true", null).statusCode());
        assertTrue(session.pushSwitch.isOpen());
        assertEquals(List.of("127.0.0.1 " + Permissions.REGISTRY_PUSH_SWITCH_WRITE,
                "127.0.0.1 " + Permissions.REGISTRY_PUSH_SWITCH_WRITE), asked);
    }

    @Test
    @DisplayName("REG-61: a caller the guard refuses gets 401 with a challenge and the switch stays as it was")
    void pushSwitchRefused() throws Exception {
        guard.set(new FixedGuard(Decision.unauthenticated("login required"), new ArrayList<>()));
        HttpResponse<String> r = http.post(PushSwitchServlet.PATH + "?open=false", "Basic d3Jvbmc6d3Jvbmc=");
        assertEquals(401, r.statusCode());
        assertTrue(r.headers().firstValue("WWW-Authenticate").isPresent());
        assertEquals("{\"success\":false,\"message\":\"login required\"}", r.body());
        assertTrue(session.pushSwitch.isOpen());
    }

    @Test
    @DisplayName("REG-61: without an access guard the switch cannot be written (503)")
    void pushSwitchWithoutGuard() throws Exception {
        HttpResponse<String> r = http.post(PushSwitchServlet.PATH + "?open=false", null);
        assertEquals(503, r.statusCode());
        assertTrue(session.pushSwitch.isOpen());
    }

    @Test
    @DisplayName("REG-61: a push switch write without open=true|false gets 400 with a JSON message")
    void pushSwitchBadInput() throws Exception {
        guard.set(new FixedGuard(Decision.allowed(null, "loopback"), new ArrayList<>()));
        HttpResponse<String> r = http.post(PushSwitchServlet.PATH + "?open=maybe", null);
        assertEquals(400, r.statusCode());
        assertEquals("{\"success\":false,\"message\":\"parameter 'open' must be true or false\"}", r.body());
        assertEquals(400, http.post(PushSwitchServlet.PATH, null).statusCode());
        assertTrue(session.pushSwitch.isOpen());
    }

    @Test
    @DisplayName("REG-81: /connections/query lists the clients' ip:port as a JSON array")
    void connections() throws Exception {
        assertEquals("[]", http.get(ConnectionsServlet.PATH).body());
        session.connections.add("127.0.0.1:50002");
        session.connections.add("127.0.0.1:50001");
        HttpResponse<String> r = http.get(ConnectionsServlet.PATH);
        assertEquals(200, r.statusCode());
        assertEquals("[\"127.0.0.1:50001\",\"127.0.0.1:50002\"]", r.body());
    }

    @Test
    @DisplayName("REG-81, REG-83: /digest/data/count gives the pub, sub and watcher counts")
    void dataCount() throws Exception {
        session.publishers = 2;
        session.subscribers = 5;
        session.watchers = 1;
        HttpResponse<String> r = http.get(DataCountServlet.PATH);
        assertEquals(200, r.statusCode());
        assertEquals("{\"pub\":2,\"sub\":5,\"watcher\":1}", r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    @Test
    @DisplayName("OPS-4: a repeated query parameter gets 400 with a JSON message")
    void repeatedParameter() throws Exception {
        HttpResponse<String> r = http.get(DataCountServlet.PATH + "?zone=a&zone=b");
        assertEquals(400, r.statusCode());
        assertEquals("{\"success\":false,\"message\":\"parameter 'zone' given 2 times\"}", r.body());
    }

    /** Answers every check with one decision and records what was asked. */
    private static final class FixedGuard implements AccessGuard {
        private final Decision decision;
        private final List<String> asked;

        FixedGuard(Decision decision, List<String> asked) {
            this.decision = decision;
            this.asked = asked;
        }

        @Override
        public Decision checkOps(String remoteAddress, String authorization, String permission) {
            asked.add(remoteAddress + " " + permission);
            return decision;
        }

        @Override
        public Decision check(String remoteAddress, String authorization, String permission) {
            asked.add(remoteAddress + " " + permission);
            return decision;
        }
    }
}
