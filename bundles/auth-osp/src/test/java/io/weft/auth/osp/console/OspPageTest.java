package io.weft.auth.osp.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.api.osp.Instance;
import io.weft.auth.osp.testing.FakeAdmin;
import jakarta.servlet.http.HttpServletRequest;

class OspPageTest {

    private final FakeAdmin admin = new FakeAdmin();
    private final OspPage page = new OspPage();

    private String render() throws IOException {
        StringWriter out = new StringWriter();
        page.render(admin, out);
        return out.toString();
    }

    private OspPage.Result post(Map<String, String> params) {
        return page.handle(admin, params::get);
    }

    private String result(OspPage.Result r) throws IOException {
        StringWriter out = new StringWriter();
        page.renderResult(r, "/system/console/weft-osp", out);
        return out.toString();
    }

    @Test
    @DisplayName("CON-20/CON-22: the page lists tenants, instances and keys, never a secret")
    void listings() throws IOException {
        admin.createTenant("acme");
        admin.createInstance("acme", "inst-1", null, List.of("DRM", "SOFAKAFKA"));
        admin.createAccessKey("inst-1", List.of("antcloud.deps.cell.list"));

        String html = render();

        assertTrue(html.contains("<tr data-tenant=\"acme\"><td>acme</td><td>1</td><td>2026-11-22T10:15:30Z</td></tr>"),
                html);
        assertTrue(html.contains("<tr data-instance=\"inst-1\"><td>inst-1</td><td>acme</td><td>default</td>"
                + "<td>DRM,SOFAKAFKA</td></tr>"), html);
        assertTrue(html.contains("<tr data-access-key=\"AKFAKE00000000000001\"><td>AKFAKE00000000000001</td>"
                + "<td>inst-1</td><td>active</td><td>2026-11-22T10:15:30Z</td><td>antcloud.deps.cell.list</td></tr>"), html);
        assertFalse(html.contains(FakeAdmin.SECRET));
        for (String action : List.of("tenant-create", "instance-create", "key-create", "key-revoke")) {
            assertTrue(html.contains("<form method=\"post\" data-action=\"" + action + "\">"), action);
        }
    }

    @Test
    @DisplayName("Console: an empty OSP says so in each block")
    void empty() throws IOException {
        String html = render();
        assertTrue(html.contains("<p>No tenants</p>"));
        assertTrue(html.contains("<p>No instances</p>"));
        assertTrue(html.contains("<p>No AccessKeys</p>"));
    }

    @Test
    @DisplayName("CON-22: creating a key shows its SecretKey once, in the answer to the form only")
    void createKeyShowsSecretOnce() throws IOException {
        OspPage.Result r = post(Map.of("action", "key-create", "instanceId", "inst-1",
                "permissions", "antcloud.deps.cell.list, antcloud.deps.singleworkspace.get"));
        assertTrue(r.ok(), r.message());
        String html = result(r);
        assertTrue(html.contains("<tr><th>SecretKey</th><td><code>" + FakeAdmin.SECRET + "</code></td></tr>"), html);
        assertTrue(html.contains("<a href=\"/system/console/weft-osp\">Back to OSP</a>"), html);
        assertEquals(Set.of("antcloud.deps.cell.list", "antcloud.deps.singleworkspace.get"),
                admin.keys.get(0).permissions());
        assertFalse(render().contains(FakeAdmin.SECRET), "the page itself never shows it again");
    }

    @Test
    @DisplayName("CON-20/CON-21: the forms create tenants and instances; bad input is refused, escaped, nothing made")
    void formsAndRefusals() throws IOException {
        assertTrue(post(Map.of("action", "tenant-create", "tenant", " acme ")).ok());
        OspPage.Result inst = post(Map.of("action", "instance-create", "tenant", "acme", "instanceId", "i1",
                "workspace", "", "products", "drm sofaregistry"));
        assertTrue(inst.ok(), inst.message());
        assertEquals(new Instance("i1", "acme", "default", Set.of("DRM", "SOFAREGISTRY")), admin.instances.get(0));

        OspPage.Result bad = post(Map.of("action", "tenant-create", "tenant", "<script>x</script>'; --"));
        assertFalse(bad.ok());
        String html = result(bad);
        assertTrue(html.contains("Refused: Invalid tenant &#39;&lt;script&gt;x&lt;/script&gt;&#39;; --&#39;"), html);
        assertFalse(html.contains("<script>"));
        assertEquals(1, admin.tenants.size());
        assertFalse(post(Map.of("action", "drop-everything")).ok());
        assertFalse(post(Map.of()).ok());
    }

    @Test
    @DisplayName("Console: a form posted from another site is refused; same host or no origin passes")
    void sameOrigin() {
        assertTrue(OspConsolePlugin.sameOrigin(request("127.0.0.1:8341", "http://127.0.0.1:8341", null)));
        assertTrue(OspConsolePlugin.sameOrigin(request("127.0.0.1:8341", null,
                "http://127.0.0.1:8341/system/console/weft-osp")));
        assertTrue(OspConsolePlugin.sameOrigin(request("127.0.0.1:8341", null, null)));
        assertFalse(OspConsolePlugin.sameOrigin(request("127.0.0.1:8341", "http://evil.example", null)));
        assertFalse(OspConsolePlugin.sameOrigin(request("127.0.0.1:8341", "null", null)));
        assertFalse(OspConsolePlugin.sameOrigin(request("127.0.0.1:8341", null, "http://127.0.0.1:9999/x")));
    }

    private static HttpServletRequest request(String host, String origin, String referer) {
        Map<String, String> headers = new java.util.HashMap<>();
        headers.put("Host", host);
        headers.put("Origin", origin);
        headers.put("Referer", referer);
        return (HttpServletRequest) Proxy.newProxyInstance(OspPageTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getHeader")) {
                        return headers.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
