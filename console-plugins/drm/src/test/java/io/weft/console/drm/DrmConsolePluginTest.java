package io.weft.console.drm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.api.drm.DrmAttribute;

class DrmConsolePluginTest {

    private final InMemoryDrmAdmin admin = new InMemoryDrmAdmin();
    private final DrmConsolePlugin plugin = new DrmConsolePlugin();

    @BeforeEach
    void setUp() {
        plugin.bindAdmin(admin);
        admin.declare("inst", "r:a", "dev");
        admin.push("inst", "r:a", "v1", "dev");
    }

    private FakeHttp push(String value) {
        return new FakeHttp().param("action", "push").param("instance", "inst").param("key", "r:a").param("value", value)
                .header("Host", "127.0.0.1:8341");
    }

    private FakeHttp post(FakeHttp http) throws IOException {
        plugin.doPost(http.request(), http.response());
        return http;
    }

    private DrmAttribute current() {
        return admin.attribute("inst", "r:a").orElseThrow();
    }

    @Test
    @DisplayName("CON-8: a push from the console's own page is done as the logged-in console user")
    void pushAsConsoleUser() throws IOException {
        FakeHttp http = push("v2").header("Origin", "http://127.0.0.1:8341");
        http.attributes.put(DrmConsolePlugin.REMOTE_USER, "alice");
        http.remoteUser = "someone-else";

        post(http);

        assertEquals(200, http.status);
        assertEquals("text/html;charset=UTF-8", http.contentType);
        assertEquals("no-store", http.responseHeaders.get("Cache-Control"));
        assertEquals("UTF-8", http.characterEncoding, "form values are read as UTF-8");
        assertTrue(http.body().contains("<div id=\"result\" class=\"ok\" data-status=\"200\" data-version=\"2\">"),
                http.body());
        assertEquals("v2", current().value());
        assertEquals("alice", current().updatedBy());
    }

    @Test
    @DisplayName("CON-8: without the login's attribute the operator is the request's remote user, else 'unknown'")
    void operatorFallbacks() throws IOException {
        FakeHttp byRemoteUser = push("v2");
        byRemoteUser.remoteUser = "bob";
        post(byRemoteUser);
        assertEquals("bob", current().updatedBy());

        post(push("v3"));
        assertEquals("unknown", current().updatedBy());
    }

    @Test
    @DisplayName("CON-8: a form posted from another site is refused with 403 and changes nothing")
    void crossSite() throws IOException {
        FakeHttp evil = post(push("pwned").header("Origin", "http://evil.example"));
        assertEquals(403, evil.status);
        assertTrue(evil.body().contains("<div id=\"result\" class=\"error\" data-status=\"403\">\n"
                + "<p>Refused: Form posted from another site</p>"), evil.body());

        FakeHttp referer = post(push("pwned").header("Referer", "http://127.0.0.1:9999/x"));
        assertEquals(403, referer.status);
        FakeHttp sandboxed = post(push("pwned").header("Origin", "null"));
        assertEquals(403, sandboxed.status);
        assertEquals("v1", current().value());
        assertEquals(1, current().version());
    }

    @Test
    @DisplayName("CON-8: refusals carry their status: 409 for a push during a gray release, 400 for an unknown attribute")
    void statuses() throws IOException {
        assertEquals(400, post(push("x").param("key", "no:such")).status);
        post(new FakeHttp().param("action", "gray").param("instance", "inst").param("key", "r:a").param("value", "g")
                .param("zones", "GZ01"));
        FakeHttp conflict = post(push("x"));
        assertEquals(409, conflict.status);
        assertTrue(conflict.body().contains("<a id=\"back\" href=\"/system/console/weft-drm?instance=inst&amp;key=r%3Aa\">"),
                conflict.body());
    }

    @Test
    @DisplayName("CON-8: an unexpected failure of the admin answers 500 with its message; the page keeps serving")
    void unexpectedFailure() throws IOException {
        plugin.bindAdmin(new InMemoryDrmAdmin() {
            @Override
            public io.weft.api.drm.PushResult push(String instanceId, String key, String value, String operator) {
                throw new IllegalStateException("boom");
            }
        });
        FakeHttp http = post(push("x"));
        assertEquals(500, http.status);
        assertTrue(http.body().contains("Refused: DRM administration failed: boom"), http.body());
    }

    @Test
    @DisplayName("CON-8: without the drm role GET says so and POST answers 503; the page works once the role arrives")
    void adminComesAndGoes() throws IOException {
        plugin.unbindAdmin(admin);

        FakeHttp get = new FakeHttp();
        plugin.doGet(get.request(), get.response());
        assertTrue(get.body().contains("DRM administration is not available on this node (no drm role)"), get.body());
        FakeHttp posted = post(push("x"));
        assertEquals(503, posted.status);
        assertTrue(posted.body().contains("DRM administration is not available on this node (no drm role)"));

        plugin.bindAdmin(admin);
        FakeHttp again = new FakeHttp().param("instance", "inst");
        plugin.doGet(again.request(), again.response());
        assertTrue(again.body().contains("<tr data-key=\"r:a\">"), again.body());
        assertEquals("text/html;charset=UTF-8", again.contentType, "set when the console has not set it");
    }

    @Test
    @DisplayName("CON-8: a greedy rebind (new service bound before the old one is unbound) keeps the new service")
    void greedyRebind() throws IOException {
        InMemoryDrmAdmin newer = new InMemoryDrmAdmin();
        newer.declare("other", "x:y", "dev");
        plugin.bindAdmin(newer);
        plugin.unbindAdmin(admin);

        FakeHttp get = new FakeHttp();
        plugin.doGet(get.request(), get.response());
        assertTrue(get.body().contains("<option value=\"other\" selected>"), get.body());
        assertFalse(get.body().contains("no drm role"));
    }
}
