package io.weft.registry.meta.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.weft.api.auth.AccessGuard;
import io.weft.api.auth.Decision;
import io.weft.api.auth.Permissions;
import io.weft.registry.meta.raft.MetaRaftNode;
import io.weft.registry.meta.raft.MetaRaftOptions;
import io.weft.registry.meta.raft.TestSupport;
import io.weft.registry.meta.state.PersistentKey;
import io.weft.registry.meta.state.PushSwitch;

class MetaOpsServletsTest {

    private static final String SERVERS = "sessionRegisterServer:true, dataRegisterServerStart:true, "
            + "otherMetaRegisterServerStart:true, ";
    private static final String DATUM = "{\"dataId\":\"com.example.S:1.0@DEFAULT\", \"group\":\"SOFA.CONFIG\", "
            + "\"instanceId\":\"DEFAULT_INSTANCE_ID\", \"version\":\"1111111111121\", "
            + "\"data\":\"override://127.0.0.1:12200/app?disabled=true\"}";

    @TempDir
    Path dir;

    private MetaRaftNode raft;
    private OpsHttp http;

    @BeforeEach
    void start() throws Exception {
        int port = TestSupport.freePorts(1).get(0);
        raft = new MetaRaftNode(new MetaRaftOptions().port(port).dataDir(dir).evictIntervalMillis(0));
        raft.start();
        TestSupport.await("leader", raft::isLeader);

        Map<String, Boolean> servers = new LinkedHashMap<>();
        servers.put("sessionRegisterServer", true);
        servers.put("dataRegisterServerStart", true);
        servers.put("otherMetaRegisterServerStart", true);
        http = new OpsHttp(raft, servers);
    }

    @AfterEach
    void stop() throws Exception {
        if (http != null) {
            http.close();
        }
        if (raft != null) {
            raft.close();
        }
    }

    @Test
    @DisplayName("REG-42: /health/check on the leader answers the seed's line ending in raftStatus:Leader")
    void healthCheck() throws Exception {
        HttpResponse<String> r = http.get("/health/check");
        assertEquals(200, r.statusCode());
        assertEquals("{\"success\":true,\"message\":\"MetaServerBoot " + SERVERS + "httpServerStart:true, "
                + "raftServerStart:true, raftClientStart:true, raftManagerStart:true, raftStatus:Leader\"}", r.body());
    }

    @Test
    @DisplayName("REG-44, REG-45: queryPeer lists member IPs; changePeer needs ipAddressList, takes plain IPs and answers success")
    void peers() throws Exception {
        assertEquals("[\"127.0.0.1\"]", http.get("/manage/queryPeer").body(),
                "members sharing one raft port are listed by IP, as the seed shows");
        HttpResponse<String> missing = http.form("/manage/changePeer", "");
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("ipAddressList is required"), missing.body());
        HttpResponse<String> ok = http.form("/manage/changePeer", "ipAddressList=127.0.0.1");
        assertEquals("{\"success\":true,\"message\":null}", ok.body());
    }

    @Test
    @DisplayName("REG-45, OPS-6: an ipAddressList entry that is no address is answered 400 naming it, and the group is unchanged")
    void badIpAddressList() throws Exception {
        assertBadPeers("ipAddressList=127.0.0.1,10.0.0.1:notaport", "'10.0.0.1:notaport' is not a member address");
        assertBadPeers("ipAddressList=10.0.0.1:70000", "the port must be a number from 1 to 65535");
        assertBadPeers("ipAddressList=10.0.0.1%3B10.0.0.2", "'10.0.0.1;10.0.0.2' is not a member address");
        assertBadPeers("ipAddressList=fe80::1", "IPv6 addresses are not supported");
        assertBadPeers("ipAddressList=+,+,", "ipAddressList is required");
        assertEquals(List.of(raft.self()), raft.peers());
    }

    private void assertBadPeers(String form, String expected) throws Exception {
        HttpResponse<String> r = http.form("/manage/changePeer", form);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("{\"success\":false"), r.body());
        assertTrue(r.body().contains(expected), r.body());
    }

    @Test
    @DisplayName("RCP-20, REG-66: persistentData/put stores a rising version, refuses an old one, remove deletes")
    void persistentData() throws Exception {
        HttpResponse<String> put = http.post("/persistentData/put", "application/json", DATUM);
        assertEquals(200, put.statusCode());
        assertTrue(put.body().startsWith("{\"success\":true"), put.body());
        PersistentKey key = new PersistentKey("com.example.S:1.0@DEFAULT", "SOFA.CONFIG", "DEFAULT_INSTANCE_ID");
        assertEquals(1111111111121L, raft.state().persistentData().get(key).version());

        HttpResponse<String> again = http.post("/persistentData/put", "application/json", DATUM);
        assertEquals(200, again.statusCode(), "a refused version is the group's answer, not an error");
        assertTrue(again.body().startsWith("{\"success\":false"), again.body());
        assertTrue(again.body().contains("is not higher than the stored version 1111111111121"), again.body());

        HttpResponse<String> remove = http.post("/persistentData/remove", "application/json", DATUM);
        assertTrue(remove.body().startsWith("{\"success\":true"), remove.body());
        assertTrue(raft.state().persistentData().isEmpty());
    }

    @Test
    @DisplayName("REG-66, RCP-20: a malformed persistentData/put body is answered 400 (413 when too large) saying what is wrong, and nothing is stored")
    void malformedPersistentData() throws Exception {
        assertBadBody("not json", 400, "body is not JSON");
        assertBadBody("", 400, "body must be a JSON object");
        assertBadBody("[1,2]", 400, "body must be a JSON object");
        assertBadBody(DATUM + " trailing", 400, "body is not JSON");
        assertBadBody("{\"dataId\":\"x\"}", 400, "version is required");
        assertBadBody(DATUM.replace("\"SOFA.CONFIG\"", "\" \""), 400, "group is required");
        assertBadBody(DATUM.replace("\"1111111111121\"", "\"soon\""), 400, "version must be a whole number: soon");
        assertBadBody(DATUM.replace("\"1111111111121\"", "1.5"), 400, "version must be a whole number: 1.5");
        assertBadBody(DATUM.replace("\"com.example.S:1.0@DEFAULT\"", "{\"a\":1}"), 400, "dataId must be a string");
        assertBadBody(DATUM.replace(", \"data\":\"override://127.0.0.1:12200/app?disabled=true\"", ""), 400,
                "data is required");
        // One byte over the limit, so the servlet has read the whole body when it answers.
        assertBadBody("{\"data\":\"" + "x".repeat((1 << 20) + 1 - 11) + "\"}", 413, "body larger than");
        assertTrue(raft.state().persistentData().isEmpty());
    }

    private void assertBadBody(String body, int status, String expected) throws Exception {
        HttpResponse<String> r = http.post("/persistentData/put", "application/json", body);
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("{\"success\":false"), r.body());
        assertTrue(r.body().contains(expected), r.body());
    }

    @Test
    @DisplayName("REG-62, REG-80: stopPushDataSwitch/open closes push, /close reopens it, digest/pushSwitch shows it")
    void pushSwitch() throws Exception {
        assertTrue(http.get("/stopPushDataSwitch/open").body().startsWith("{\"success\":true"));
        assertEquals(PushSwitch.CLOSED, raft.state().pushSwitch());
        assertEquals("{\"stopPushDataSwitch\":true}", http.get("/digest/pushSwitch").body());
        http.get("/stopPushDataSwitch/close");
        assertEquals(PushSwitch.OPEN, raft.state().pushSwitch());
        assertEquals("{\"stopPushDataSwitch\":false}", http.get("/digest/pushSwitch").body());
        assertEquals("[\"" + raft.self() + "\"]", http.get("/digest/meta/node/query").body());
        assertEquals("{}", http.get("/digest/data/node/query").body());
    }

    @Test
    @DisplayName("OPS-4: a path below an ops endpoint that does not exist is a JSON 404")
    void unknownPath() throws Exception {
        HttpResponse<String> r = http.get("/stopPushDataSwitch/toggle");
        assertEquals(404, r.statusCode());
        assertEquals("{\"success\":false,\"message\":\"no such ops endpoint: GET /stopPushDataSwitch/toggle\"}", r.body());
        assertEquals(404, http.get("/digest/nothing").statusCode());
        assertEquals(PushSwitch.OPEN, raft.state().pushSwitch());
    }

    @Test
    @DisplayName("OPS-4: with an access guard, each change asks it for its permission; a refusal is 401 with a challenge and changes nothing")
    void guarded() throws Exception {
        List<String> asked = new ArrayList<>();
        http.guard.set(new FixedGuard(Decision.unauthenticated("login required"), asked));
        HttpResponse<String> refused = http.get("/stopPushDataSwitch/open");
        assertEquals(401, refused.statusCode());
        assertEquals("{\"success\":false,\"message\":\"login required\"}", refused.body());
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(PushSwitch.OPEN, raft.state().pushSwitch());
        assertEquals(401, http.post("/persistentData/put", "application/json", DATUM).statusCode());
        assertTrue(raft.state().persistentData().isEmpty());
        assertEquals(200, http.get("/digest/pushSwitch").statusCode(), "reads need no permission");

        http.guard.set(new FixedGuard(Decision.allowed("alice", "admin"), asked));
        assertTrue(http.get("/stopPushDataSwitch/open").body().startsWith("{\"success\":true"));
        assertTrue(http.form("/manage/changePeer", "ipAddressList=127.0.0.1").body().startsWith("{\"success\":true"));
        assertTrue(http.post("/persistentData/put", "application/json", DATUM).body().startsWith("{\"success\":true"));
        assertEquals(List.of(Permissions.REGISTRY_PUSH_SWITCH_WRITE, Permissions.REGISTRY_PERSISTENT_DATA_WRITE,
                Permissions.REGISTRY_PUSH_SWITCH_WRITE, Permissions.REGISTRY_PEER_WRITE,
                Permissions.REGISTRY_PERSISTENT_DATA_WRITE), asked);
    }

    @Test
    @DisplayName("OPS-4, REG-62: a change sent by a page of another site (Origin header) is refused 403")
    void crossSite() throws Exception {
        HttpResponse<String> r = http.get("/stopPushDataSwitch/open", "Origin", "http://evil.example");
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("cross-site request refused"), r.body());
        assertEquals(PushSwitch.OPEN, raft.state().pushSwitch());
    }

    /** Answers every check alike and records the permissions asked for. */
    private static final class FixedGuard implements AccessGuard {
        private final Decision decision;
        private final List<String> asked;

        FixedGuard(Decision decision, List<String> asked) {
            this.decision = decision;
            this.asked = asked;
        }

        @Override
        public Decision checkOps(String remoteAddress, String authorization, String permission) {
            asked.add(permission);
            return decision;
        }

        @Override
        public Decision check(String remoteAddress, String authorization, String permission) {
            asked.add(permission);
            return decision;
        }
    }
}
