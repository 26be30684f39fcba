package io.weft.console.drm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.api.drm.DrmException;
import io.weft.api.drm.DrmNode;
import io.weft.api.drm.GrayTargets;
import io.weft.api.drm.Subscribers;
import io.weft.api.drm.Subscribers.Subscriber;

class DrmPageTest {

    private static final long T0 = Instant.parse("2026-11-22T09:00:00Z").toEpochMilli();

    private final InMemoryDrmAdmin admin = new InMemoryDrmAdmin();
    private final DrmPage page = new DrmPage(new Links(FakeHttp.PAGE));

    private String render(String... params) throws IOException {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            map.put(params[i], params[i + 1]);
        }
        StringWriter out = new StringWriter();
        page.render(admin, PageQuery.from(map::get), out);
        return out.toString();
    }

    /** The element with the given id, up to the end of the first table (or block) after it. */
    private static String section(String html, String id, String end) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertTrue(start >= 0, "no element " + id + " in " + html);
        return html.substring(start, html.indexOf(end, start) + end.length());
    }

    private void pushed(String instance, String key, String... values) {
        admin.declare(instance, key, "dev");
        for (String v : values) {
            admin.push(instance, key, v, "alice");
        }
    }

    @Test
    @DisplayName("CON-8: without the drm role the page says DRM administration is not available, nothing else")
    void noAdmin() throws IOException {
        StringWriter out = new StringWriter();
        page.render(null, PageQuery.from(p -> null), out);
        String html = out.toString();
        assertTrue(html.contains("<p id=\"drm-unavailable\" class=\"warning\">DRM administration is not available on"
                + " this node (no drm role)</p>"), html);
        assertFalse(html.contains("<table"));
    }

    @Test
    @DisplayName("CON-8: the instances are offered in a selector and a free field; the first one's attributes are listed")
    void instancesAndList() throws IOException {
        pushed("inst-b", "com.acme.Cache:size", "100");
        pushed("inst-a", "com.acme.Flags:beta", "on", "off");
        admin.declare("inst-a", "com.acme.Flags:gamma", "dev");

        String html = render();

        assertTrue(html.contains("<option value=\"inst-a\" selected>inst-a</option>\n<option value=\"inst-b\">inst-b"
                + "</option>"), html);
        assertTrue(html.contains("<form id=\"instance-text-form\" method=\"get\" action=\"/system/console/weft-drm\">"));
        assertTrue(html.contains("<input type=\"text\" name=\"instance\""));
        String table = section(html, "attributes", "</table>");
        assertTrue(table.contains("<tr data-key=\"com.acme.Flags:beta\"><td><a href=\"/system/console/weft-drm?"
                + "instance=inst-a&amp;key=com.acme.Flags%3Abeta\">com.acme.Flags:beta</a></td><td>com.acme.Flags</td>"
                + "<td>beta</td><td><code>off</code></td><td>2</td><td>alice</td><td>2026-11-22T10:00:03Z</td><td></td>"
                + "</tr>"), table);
        assertTrue(table.contains("<tr data-key=\"com.acme.Flags:gamma\">"), table);
        assertTrue(table.contains("<td><em>no value yet</em></td><td>0</td>"), table);
        assertFalse(table.contains("com.acme.Cache"), "another instance's attribute");
        assertTrue(html.contains("<p id=\"attributes-summary\">Attributes 1\u20132 of 2</p>"), html);
        assertTrue(html.contains("<form id=\"declare-form\" method=\"post\""), html);

        String other = render("instance", "inst-b");
        assertTrue(other.contains("<option value=\"inst-b\" selected>"), other);
        assertTrue(other.contains("<tr data-key=\"com.acme.Cache:size\">"), other);
    }

    @Test
    @DisplayName("CON-8: an instance typed in the free field that has no attribute says so and offers to declare one")
    void unknownInstance() throws IOException {
        pushed("inst-a", "r:a", "1");
        String html = render("instance", "fresh-one");
        assertTrue(html.contains("name=\"instance\" maxlength=\"128\" value=\"fresh-one\""), html);
        assertTrue(html.contains("<p id=\"attributes-summary\">No attributes</p>"), html);
        assertFalse(html.contains("id=\"attributes\""));
        assertTrue(html.contains("<input type=\"hidden\" name=\"instance\" value=\"fresh-one\">"), html);
    }

    @Test
    @DisplayName("CON-8: 10 000 attributes are paged 50 at a time by the admin, with previous and next links")
    void paging() throws IOException {
        for (int i = 0; i < 10_000; i++) {
            admin.declare("big", String.format("res%05d:attr", i), "dev");
        }

        String html = render("instance", "big", "page", "3");

        assertEquals(100, admin.lastOffset);
        assertEquals(50, admin.lastLimit);
        assertTrue(html.contains("<p id=\"attributes-summary\">Attributes 101\u2013150 of 10000</p>"), html);
        String table = section(html, "attributes", "</table>");
        assertEquals(50, table.split("<tr data-key=").length - 1);
        assertTrue(table.contains("data-key=\"res00100:attr\""));
        assertTrue(table.contains("data-key=\"res00149:attr\""));
        assertTrue(html.contains("<a id=\"prev-page\" href=\"/system/console/weft-drm?instance=big&amp;page=2\">"), html);
        assertTrue(html.contains("Page 3 of 200"), html);
        assertTrue(html.contains("<a id=\"next-page\" href=\"/system/console/weft-drm?instance=big&amp;page=4\">"), html);

        String last = render("instance", "big", "page", "999");
        assertTrue(last.contains("Attributes 9951\u201310000 of 10000"), "past the end shows the last page");
        assertFalse(last.contains("id=\"next-page\""));
        assertTrue(render("instance", "big", "page", "x").contains("Attributes 1\u201350 of 10000"),
                "a malformed page number shows the first page");
    }

    @Test
    @DisplayName("CON-8: the search box filters by key, case-insensitively, and paging keeps the search")
    void search() throws IOException {
        for (int i = 0; i < 120; i++) {
            admin.declare("inst", "com.acme.Pay:limit" + i, "dev");
            admin.declare("inst", "com.acme.Cache:size" + i, "dev");
        }

        String html = render("instance", "inst", "q", "PAY:");

        assertTrue(html.contains("Attributes 1\u201350 of 120 matching \u201cPAY:\u201d"), html);
        assertFalse(section(html, "attributes", "</table>").contains("Cache"));
        assertTrue(html.contains("<input type=\"search\" name=\"q\" maxlength=\"256\" value=\"PAY:\">"), html);
        assertTrue(html.contains("href=\"/system/console/weft-drm?instance=inst&amp;q=PAY%3A&amp;page=2\""), html);
        assertTrue(html.contains("<a id=\"clear-search\" href=\"/system/console/weft-drm?instance=inst\">"), html);
        assertTrue(render("instance", "inst", "q", "nothing-like-this").contains("No attributes matching"));
    }

    @Test
    @DisplayName("CON-8: an attribute's detail shows its value, version, who and when, the push and gray forms")
    void detail() throws IOException {
        pushed("inst", "com.acme.Flags:beta", "on", "line1\nline2");

        String html = render("instance", "inst", "key", "com.acme.Flags:beta");

        assertTrue(html.contains("<td id=\"current-version\">2</td>"), html);
        assertTrue(html.contains("<td id=\"updated-by\">alice</td>"), html);
        assertTrue(html.contains("<td id=\"updated-at\">2026-11-22T10:00:02Z</td>"), html);
        assertTrue(html.contains("<pre id=\"current-value\">line1\nline2</pre>"), html);
        String push = section(html, "push-form", "</form>");
        assertTrue(push.contains("<input type=\"hidden\" name=\"action\" value=\"push\">"), push);
        assertTrue(push.contains("<input type=\"hidden\" name=\"key\" value=\"com.acme.Flags:beta\">"), push);
        assertTrue(push.contains("<textarea name=\"value\" rows=\"6\" cols=\"80\">line1\nline2</textarea>"), push);
        String gray = section(html, "gray-form", "</form>");
        assertTrue(gray.contains("name=\"ips\"") && gray.contains("name=\"zones\"") && gray.contains("name=\"value\""));
        assertFalse(html.contains("id=\"promote-form\""));
        assertTrue(html.contains("<a id=\"back-to-list\" href=\"/system/console/weft-drm?instance=inst\">"), html);
        assertTrue(html.contains("<p id=\"no-subscribers\">"), html);
    }

    @Test
    @DisplayName("CON-8: a value that starts with a newline keeps it through the push form's textarea")
    void leadingNewline() throws IOException {
        pushed("inst", "r:a", "\nindented");
        assertTrue(render("instance", "inst", "key", "r:a").contains("cols=\"80\">\n\nindented</textarea>"));
    }

    @Test
    @DisplayName("CON-8: an unknown attribute says so instead of a detail")
    void unknownAttribute() throws IOException {
        String html = render("instance", "inst", "key", "no:such");
        assertTrue(html.contains("<p id=\"unknown-attribute\" class=\"error\">No attribute no:such in instance inst.</p>"),
                html);
        assertFalse(html.contains("push-form"));
    }

    @Test
    @DisplayName("CON-8: history lists pushes newest first, long values truncated with the full value one click away,"
            + " a roll back button on every earlier version")
    void history() throws IOException {
        String longValue = "x".repeat(200);
        pushed("inst", "r:a", "v1", longValue, "v3");

        String html = render("instance", "inst", "key", "r:a");

        String history = section(html, "history", "</table>");
        assertTrue(history.indexOf("data-version=\"3\"") < history.indexOf("data-version=\"2\"")
                && history.indexOf("data-version=\"2\"") < history.indexOf("data-version=\"1\""), history);
        assertTrue(history.contains("<tr data-version=\"3\"><td>3</td><td>PUSH</td><td><code>v3</code></td><td>alice"
                + "</td><td>2026-11-22T10:00:03Z</td><td></td><td><span class=\"current\">current</span></td></tr>"),
                history);
        assertTrue(history.contains("<details><summary><code>" + "x".repeat(80) + "\u2026</code></summary><pre>"
                + longValue + "</pre></details>"), history);
        assertEquals(2, history.split("class=\"rollback\"").length - 1);
        assertTrue(history.contains("<input type=\"hidden\" name=\"action\" value=\"rollback\">\n"
                + "<input type=\"hidden\" name=\"instance\" value=\"inst\">\n"
                + "<input type=\"hidden\" name=\"key\" value=\"r:a\">\n"
                + "<input type=\"hidden\" name=\"version\" value=\"1\">\n"
                + "<button type=\"submit\" class=\"rollback\" onclick=\"return confirm('Push the value of version 1 to"
                + " every client, as a new version?')\">Roll back to this</button>"), history);
    }

    @Test
    @DisplayName("CON-8: the history shows the newest 50 pushes and links to older ones")
    void historyLimit() throws IOException {
        admin.declare("inst", "r:a", "dev");
        for (int i = 1; i <= 60; i++) {
            admin.push("inst", "r:a", "v" + i, "alice");
        }
        String html = render("instance", "inst", "key", "r:a");
        assertEquals(50, section(html, "history", "</table>").split("<tr data-version=").length - 1);
        assertTrue(html.contains("<a id=\"more-history\" href=\"/system/console/weft-drm?instance=inst&amp;key=r%3Aa"
                + "&amp;history=100\">"), html);
        assertEquals(60, section(render("instance", "inst", "key", "r:a", "history", "100"), "history", "</table>")
                .split("<tr data-version=").length - 1);
    }

    @Test
    @DisplayName("CON-8: an open gray release shows its targets with promote and abandon; subscribers that hold another"
            + " version than they should are marked lagging; unreachable nodes are named")
    void grayAndLagging() throws IOException {
        pushed("inst", "r:a", "old");                                                 // version 1
        admin.pushGray("inst", "r:a", "new", new GrayTargets(Set.of("10.1.0.1"), Set.of("GZ01")), "bob"); // 2
        admin.setSubscribers("inst", "r:a", new Subscribers(List.of(
                new Subscriber("10.1.0.1", "GZ00", "pay", 2, "n1:9880", T0, T0 + 30_000),     // gray IP, has gray
                new Subscriber("10.1.0.2", "GZ01", "pay", 1, "n1:9880", T0, T0 + 30_000),     // gray zone, old: lagging
                new Subscriber("10.1.0.3", "GZ00", "pay", 1, "n2:9880", T0, 0),               // common, has common
                new Subscriber("10.1.0.4", "GZ00", "web", 2, "n2:9880", T0, T0)),             // common, has gray: lagging
                List.of("n3:9880")));

        String html = render("instance", "inst", "key", "r:a");

        assertTrue(html.contains("<span class=\"badge gray\" title=\"gray release open: version 2\">gray v2</span>"));
        assertTrue(html.contains("<td id=\"gray-version\">2</td>"), html);
        assertTrue(html.contains("<pre id=\"gray-value\">new</pre>"), html);
        assertTrue(html.contains("<td id=\"gray-ips\">10.1.0.1</td>"), html);
        assertTrue(html.contains("<td id=\"gray-zones\">GZ01</td>"), html);
        assertTrue(html.contains("<form id=\"promote-form\""), html);
        assertTrue(html.contains("<form id=\"abandon-form\""), html);
        assertFalse(html.contains("id=\"push-form\""), "a push waits until the gray release is closed");
        assertFalse(html.contains("id=\"gray-form\""));
        String history = section(html, "history", "</table>");
        assertTrue(history.contains("<button type=\"button\" class=\"rollback\" disabled title=\"Promote or abandon the"
                + " gray release first\">"), history);
        assertFalse(history.contains("value=\"rollback\""), "no roll back form while the gray release is open");

        String subs = section(html, "subscribers", "</table>");
        assertTrue(subs.contains("<tr class=\"current gray-target\" data-client=\"10.1.0.1\"><td>10.1.0.1 <span class="
                + "\"badge gray\">gray</span></td><td>GZ00</td><td>pay</td><td>2</td><td>2</td><td>ok</td><td>n1:9880"
                + "</td><td>2026-11-22T09:00:00Z</td><td>2026-11-22T09:00:30Z</td></tr>"), subs);
        assertTrue(subs.contains("<tr class=\"lagging gray-target\" data-client=\"10.1.0.2\">"), subs);
        assertTrue(subs.contains("<tr class=\"current\" data-client=\"10.1.0.3\"><td>10.1.0.3</td><td>GZ00</td><td>pay"
                + "</td><td>1</td><td>1</td><td>ok</td><td>n2:9880</td><td>2026-11-22T09:00:00Z</td><td>none yet</td>"),
                subs);
        assertTrue(subs.contains("<tr class=\"lagging\" data-client=\"10.1.0.4\"><td>10.1.0.4</td><td>GZ00</td><td>web"
                + "</td><td>2</td><td>1</td><td><strong>lagging</strong></td>"), subs);
        assertTrue(html.contains("<p id=\"subscribers-summary\">4 clients, 2 lagging</p>"), html);
        assertTrue(html.contains("<p id=\"unreachable\" class=\"warning\">drmdata nodes that did not answer (their"
                + " clients are not listed): n3:9880</p>"), html);
    }

    @Test
    @DisplayName("CON-8: drmdata nodes are listed live ones first")
    void nodes() throws IOException {
        Instant seen = Instant.parse("2026-11-22T09:59:58.500Z");
        admin.nodes = List.of(
                new DrmNode("10.0.0.9:9880", "10.0.0.9", 9880, 9870, "http://10.0.0.9:9881", "dc2", "GZ01", seen, false, 0),
                new DrmNode("10.0.0.1:9880", "10.0.0.1", 9880, 9870, "http://10.0.0.1:9881", "dc1", "GZ00", seen, true, 42));

        String html = render();

        String nodes = section(html, "nodes", "</table>");
        assertTrue(nodes.indexOf("10.0.0.1:9880") < nodes.indexOf("10.0.0.9:9880"), nodes);
        assertTrue(nodes.contains("<tr class=\"live\" data-node=\"10.0.0.1:9880\"><td>10.0.0.1:9880</td><td>live</td>"
                + "<td>dc1</td><td>GZ00</td><td>10.0.0.1</td><td>9880</td><td>9870</td><td>http://10.0.0.1:9881</td>"
                + "<td>42</td><td>2026-11-22T09:59:58Z</td></tr>"), nodes);
        assertTrue(nodes.contains("<tr class=\"down\" data-node=\"10.0.0.9:9880\">"), nodes);
        assertTrue(html.contains("<p>1 of 2 live</p>"));
        assertTrue(section(render("instance", "x", "key", "y:z"), "nodes", "</table>").contains("10.0.0.1:9880"),
                "the detail lists the nodes too");
    }

    @Test
    @DisplayName("CON-8: with the database unreachable the page says why instead of failing")
    void databaseDown() throws IOException {
        admin.failure = new DrmException(DrmException.Reason.UNAVAILABLE, "database unreachable: connection refused");
        String html = render();
        assertTrue(html.contains("<p id=\"page-error\" class=\"error\">database unreachable: connection refused</p>"),
                html);
        assertTrue(html.contains("<p id=\"nodes-error\" class=\"error\">"), html);
        assertTrue(html.endsWith("</div>\n"));
    }

    @Test
    @DisplayName("CON-8: hostile names and values are shown as text, never run as markup")
    void escaping() throws IOException {
        String evil = "<script>alert('x')</script>";
        admin.declare("i<b>", "r\"><img src=x>:a", "dev");
        admin.push("i<b>", "r\"><img src=x>:a", evil, "<b>mallory</b>");
        admin.setSubscribers("i<b>", "r\"><img src=x>:a", new Subscribers(List.of(
                new Subscriber("<i>ip", "<z>", "<app>", 1, "<node>", T0, T0)), List.of("<u>n</u>")));

        String list = render("instance", "i<b>");
        String detail = render("instance", "i<b>", "key", "r\"><img src=x>:a");

        for (String html : List.of(list, detail)) {
            assertFalse(html.contains("<script>"), html);
            assertFalse(html.contains("<img"), html);
            assertFalse(html.contains("<b>"), html);
            assertFalse(html.contains("<i>") || html.contains("<u>") || html.contains("<app>"), html);
        }
        assertTrue(list.contains("<code>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</code>"), list);
        assertTrue(detail.contains("<pre id=\"current-value\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</pre>"),
                detail);
        assertTrue(detail.contains("<td>&lt;b&gt;mallory&lt;/b&gt;</td>"), detail);
        assertTrue(detail.contains("href=\"/system/console/weft-drm?instance=i%3Cb%3E\""), detail);
    }
}
