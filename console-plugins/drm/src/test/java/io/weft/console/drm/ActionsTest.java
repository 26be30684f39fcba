package io.weft.console.drm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.api.drm.DrmAttribute;
import io.weft.api.drm.DrmException;
import io.weft.api.drm.PushRecord;
import io.weft.api.drm.PushResult;

class ActionsTest {

    private final InMemoryDrmAdmin admin = new InMemoryDrmAdmin();
    private final Actions actions = new Actions();

    @BeforeEach
    void attribute() {
        admin.declare("inst", "com.acme.Flags:beta", "dev");
        admin.push("inst", "com.acme.Flags:beta", "on", "alice"); // version 1
    }

    private Outcome post(String... params) {
        Map<String, String> map = new HashMap<>();
        map.put("instance", "inst");
        map.put("key", "com.acme.Flags:beta");
        for (int i = 0; i < params.length; i += 2) {
            map.put(params[i], params[i + 1]);
        }
        return actions.handle(admin, map::get, "carol");
    }

    private DrmAttribute current() {
        return admin.attribute("inst", "com.acme.Flags:beta").orElseThrow();
    }

    private static String page(Outcome outcome) throws IOException {
        StringWriter out = new StringWriter();
        new OutcomeView(new Links(FakeHttp.PAGE)).render(outcome, out);
        return out.toString();
    }

    @Test
    @DisplayName("CON-8/DRM-6: Push stores a new version with who and when, and says which drmdata node was told")
    void push() throws IOException {
        Outcome outcome = post("action", "push", "value", "off");

        assertEquals(200, outcome.status());
        assertEquals(2, outcome.version());
        assertEquals("Pushed version 2 of com.acme.Flags:beta to every client", outcome.message());
        assertEquals(List.of("drmdata node 10.0.0.1:9880 notified; 3 clients notified."), outcome.details());
        assertEquals("off", current().value());
        assertEquals("carol", current().updatedBy());

        String html = page(outcome);
        assertTrue(html.contains("<div id=\"result\" class=\"ok\" data-status=\"200\" data-version=\"2\">\n"
                + "<p>Pushed version 2 of com.acme.Flags:beta to every client</p>\n<ul>\n"
                + "<li>drmdata node 10.0.0.1:9880 notified; 3 clients notified.</li>\n</ul>\n</div>"), html);
        assertTrue(html.contains("<a id=\"back\" href=\"/system/console/weft-drm?instance=inst&amp;key="
                + "com.acme.Flags%3Abeta\">Back to com.acme.Flags:beta</a>"), html);
    }

    @Test
    @DisplayName("CON-8/DRM-6: a push no drmdata node answered is stored, and the page says nodes catch up from the DB")
    void pushNobodyAnswered() {
        admin.announcement = new PushResult(0, "", 0, 2);
        Outcome outcome = post("action", "push", "value", "off");
        assertEquals(200, outcome.status());
        assertEquals(List.of("Stored, no drmdata node answered \u2014 nodes catch up from the database.",
                "2 drmdata nodes did not get the announcement; they catch up from the database."), outcome.details());
        assertEquals(2, current().version());
    }

    @Test
    @DisplayName("CON-8: a value typed in the browser is stored with LF line ends, not the CR LF the form sends")
    void lineEnds() {
        post("action", "push", "value", "a\r\nb\r\n");
        assertEquals("a\nb\n", current().value());
    }

    @Test
    @DisplayName("CON-8: gray release to client IPs and a zone, then promote to everyone")
    void grayThenPromote() {
        Outcome gray = post("action", "gray", "value", "beta-on", "ips", " 10.1.0.1, 10.1.0.2 10.1.0.1", "zones", "GZ01");

        assertEquals(200, gray.status(), gray.message());
        assertEquals("Gray release: version 2 of com.acme.Flags:beta pushed to client IPs 10.1.0.1, 10.1.0.2 and zones"
                + " GZ01", gray.message());
        DrmAttribute a = current();
        assertEquals("on", a.value(), "everyone else keeps the value");
        assertEquals(Set.of("10.1.0.1", "10.1.0.2"), a.gray().targets().clientIps());
        assertEquals(Set.of("GZ01"), a.gray().targets().zones());
        assertEquals("carol", a.gray().operator());

        Outcome promote = post("action", "promote");
        assertEquals(200, promote.status());
        assertEquals("Gray release promoted: version 3 of com.acme.Flags:beta pushed to every client", promote.message());
        assertEquals("beta-on", current().value());
        assertNull(current().gray());
    }

    @Test
    @DisplayName("CON-8: abandoning a gray release sends its targets back to the common value")
    void grayThenAbandon() {
        post("action", "gray", "value", "beta-on", "zones", "GZ01");
        Outcome abandon = post("action", "abandon");
        assertEquals(200, abandon.status());
        assertEquals(3, abandon.version());
        assertTrue(abandon.message().startsWith("Gray release abandoned: version 3"), abandon.message());
        assertEquals("on", current().value());
        assertNull(current().gray());
    }

    @Test
    @DisplayName("CON-8: roll back pushes an earlier version's value as a new version")
    void rollback() {
        post("action", "push", "value", "off");
        Outcome outcome = post("action", "rollback", "version", "1");
        assertEquals(200, outcome.status(), outcome.message());
        assertEquals("Rolled back com.acme.Flags:beta to the value of version 1: pushed as version 3", outcome.message());
        assertEquals("on", current().value());
        assertEquals(3, current().version());
        PushRecord newest = admin.history("inst", "com.acme.Flags:beta", 1).get(0);
        assertEquals(PushRecord.Kind.ROLLBACK, newest.kind());
        assertEquals("carol", newest.operator());
    }

    @Test
    @DisplayName("CON-8: an operator can declare an attribute before any client does")
    void declare() {
        Outcome outcome = post("action", "declare", "key", "com.acme.New:thing");
        assertEquals(200, outcome.status());
        assertEquals("Declared com.acme.New:thing in instance inst (version 0)", outcome.message());
        assertTrue(admin.attribute("inst", "com.acme.New:thing").isPresent());
    }

    @Test
    @DisplayName("CON-8: a push while a gray release is open is refused with 409 and the reason")
    void conflict() throws IOException {
        post("action", "gray", "value", "g", "ips", "10.1.0.1");
        Outcome outcome = post("action", "push", "value", "x");
        assertEquals(409, outcome.status());
        assertTrue(outcome.message().contains("promote or abandon it first"), outcome.message());
        assertEquals(409, post("action", "rollback", "version", "1").status());
        assertEquals("on", current().value());
        String html = page(outcome);
        assertTrue(html.contains("<div id=\"result\" class=\"error\" data-status=\"409\">\n<p>Refused: A gray release"),
                html);
        assertTrue(html.contains("<a id=\"back\""), html);

        assertEquals(200, post("action", "abandon").status());
        assertEquals(409, post("action", "abandon").status(), "abandoning twice: no gray release is open any more");
        assertEquals(409, post("action", "promote").status());
    }

    @Test
    @DisplayName("CON-8: bad input and unknown attributes are refused with 400 and nothing changes")
    void badInput() {
        assertEquals(400, post("action", "push", "key", "no:such", "value", "x").status());
        Outcome oversize = post("action", "push", "value", "y".repeat(InMemoryDrmAdmin.MAX_VALUE_CHARS + 1));
        assertEquals(400, oversize.status());
        assertTrue(oversize.message().startsWith("Value too large"), oversize.message());
        assertEquals(400, post("action", "push").status(), "no value");
        assertEquals(400, post("action", "gray", "value", "g", "ips", " ,, ", "zones", "").status(), "no targets");
        assertEquals("A gray release needs at least one client IP or zone",
                post("action", "gray", "value", "g").message());
        assertEquals(400, post("action", "rollback", "version", "abc").status());
        assertEquals(400, post("action", "rollback", "version", "-1").status());
        assertEquals(400, post("action", "rollback", "version", "99").status(), "no such version");
        assertEquals(400, post("action", "drop-table").status());
        assertEquals(400, post("action", "push", "instance", " ", "value", "x").status());
        assertEquals(400, post("action", "declare", "key", "no-colon").status());
        assertEquals(1, current().version());
        assertEquals("on", current().value());
    }

    @Test
    @DisplayName("CON-8: with the database unreachable a push is refused with 503 and the reason")
    void unavailable() {
        admin.failure = new DrmException(DrmException.Reason.UNAVAILABLE, "database unreachable; nothing was changed");
        Outcome outcome = post("action", "push", "value", "x");
        assertEquals(503, outcome.status());
        assertEquals("database unreachable; nothing was changed", outcome.message());
        admin.failure = null;
        assertEquals("on", current().value());
    }

    @Test
    @DisplayName("CON-8: a hostile value or message in the answer page is shown as text")
    void escapedAnswer() throws IOException {
        Outcome outcome = post("action", "push", "key", "<script>alert(1)</script>:a", "value", "x");
        String html = page(outcome);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;:a"), html);
    }
}
