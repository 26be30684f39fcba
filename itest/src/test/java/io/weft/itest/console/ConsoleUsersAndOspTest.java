package io.weft.itest.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.weft.api.osp.RequestSigning;
import io.weft.itest.support.Http;
import io.weft.itest.support.WeftNode;

/**
 * Issue #3 as an operator does it on a real node, over HTTP only: users of their own on the console's
 * Users page (intelliproxy), tenants, instances and key pairs on the OSP page, a request signed as
 * docs/osp.md says, and all of it still there after a clean restart and after {@code kill -9}.
 */
class ConsoleUsersAndOspTest {

    private static final String USERS = "/system/console/weft-users";
    private static final String OSP = "/system/console/weft-osp";
    private static final String MONITOR_CONFIG = "/system/console/configMgr/io.weft.monitor";
    private static final String SESSION_COOKIE = "WEFT_SESSION";
    private static final String PERMISSION = "antcloud.deps.cell.list";
    private static final String SQL_NAME = "x'; DROP TABLE osp_tenant; --";

    private static final Pattern PASSWORD = Pattern.compile("<code id=\"weft-users-password\">([^<]+)</code>");
    private static final Pattern ACCESS_KEY = Pattern.compile("<th>AccessKey</th><td><code>([A-Z0-9]+)</code>");
    private static final Pattern SECRET_KEY = Pattern.compile("<th>SecretKey</th><td><code>([A-Za-z0-9]+)</code>");
    private static final Pattern DISK_ROW = Pattern.compile("<tr data-rule=\"disk_usage\">.*?</tr>");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An AccessKey/SecretKey pair as the OSP page showed it, the one time it does. */
    private record KeyPair(String accessKey, String secretKey) {
    }

    /** A hostile form post and the start of the refusal it must get. */
    private record Refusal(String message, Map<String, String> form) {
    }

    // ------------------------------------------------------------------ intelliproxy (CON-23)

    @Test
    @DisplayName("CON-23: admin creates viewer alice on Weft → Users; alice reads the console but cannot change a "
            + "configuration (403, threshold unchanged); wrong password 401; login form gives a session; disabled → 401")
    void operatorCreatesConsoleUserOfTheirOwn() throws Exception {
        try (WeftNode node = WeftNode.create("console-users").start()) {
            ready(node);
            Http admin = node.http();
            String base = admin.base();

            // The Users page lists the administrator and offers the two roles.
            Http.Response page = admin.getAsAdmin(USERS);
            assertEquals(200, page.status(), page.body());
            assertTrue(page.body().contains("data-user=\"admin\""), page.body());
            assertTrue(page.body().contains("data-role=\"viewer\""), page.body());

            // Create alice with role viewer, as the page's "Create a user" form posts it.
            String password = createUser(admin, "alice", "viewer");
            assertTrue(password.length() >= 10, "generated password too short: " + password.length());
            page = admin.getAsAdmin(USERS);
            assertTrue(Pattern.compile("<tr data-user=\"alice\"><td>alice</td><td>enabled</td>").matcher(page.body()).find(),
                    page.body());
            assertFalse(page.body().contains(password), "the password is shown once, not on the list");

            // alice reads the console with HTTP Basic.
            Http alice = new Http(base, "alice", password);
            Http.Response bundles = alice.getAsAdmin("/system/console/bundles");
            assertEquals(200, bundles.status(), bundles.body());
            assertEquals(200, alice.getAsAdmin("/system/console/bundles.json").status());
            assertEquals(200, alice.getAsAdmin(MONITOR_CONFIG).status(), "a viewer may open the configuration page");

            // ... but saving the monitor's configuration is refused, and nothing changes.
            Path monitorCfg = node.home().resolve("conf/io.weft.monitor.cfg");
            String cfgBefore = Files.readString(monitorCfg);
            String diskRowBefore = diskRow(admin);
            assertTrue(diskRowBefore.contains("&gt; 80.0 %"), diskRowBefore);
            Http.Response refused = alice.postFormAsAdmin(MONITOR_CONFIG, monitorForm("0"));
            assertEquals(403, refused.status(), refused.body());
            assertTrue(refused.body().contains("lacks permission console.config.write"), refused.body());
            assertEquals(cfgBefore, Files.readString(monitorCfg), "conf/io.weft.monitor.cfg must not change");
            assertEquals(diskRowBefore, diskRow(admin), "the live threshold must not change");
            // alice cannot make users either (and so cannot raise her own role).
            Http.Response escalation = alice.postFormAsAdmin(USERS, Map.of("action", "roles", "name", "alice", "roles", "admin"));
            assertEquals(403, escalation.status(), escalation.body());
            assertTrue(admin.getAsAdmin(USERS).body().contains("name=\"roles\" value=\"viewer\" checked"),
                    "alice keeps role viewer");

            // ... nor use the OSP page's forms (console.weft-osp.write), though she may read it.
            assertEquals(200, alice.getAsAdmin(OSP).status());
            Http.Response ospWrite = alice.postFormAsAdmin(OSP, Map.of("action", "tenant-create", "tenant", "alices"));
            assertEquals(403, ospWrite.status(), ospWrite.body());
            assertFalse(admin.getAsAdmin(OSP).body().contains("data-tenant=\"alices\""), "no tenant written");

            // A wrong password is a 401 with a Basic challenge.
            Http.Response wrong = new Http(base, "alice", password + "x").getAsAdmin("/system/console/bundles");
            assertEquals(401, wrong.status(), wrong.body());

            // The login form: a session cookie that opens the console, without credentials on each request.
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> badLogin = postLogin(client, base, "alice", "not-her-password");
            assertEquals(401, badLogin.statusCode(), badLogin.body());
            assertTrue(sessionCookie(badLogin).isEmpty(), "no session for a wrong password");
            HttpResponse<String> login = postLogin(client, base, "alice", password);
            assertEquals(303, login.statusCode(), login.body());
            assertEquals("/system/console/", login.headers().firstValue("Location").orElse(""));
            String session = sessionCookie(login).orElseThrow(() -> new AssertionError("no " + SESSION_COOKIE
                    + " cookie: " + login.headers().map()));
            HttpResponse<String> withSession = send(client, HttpRequest.newBuilder(URI.create(base + "/system/console/bundles"))
                    .header("Cookie", SESSION_COOKIE + "=" + session).GET());
            assertEquals(200, withSession.statusCode(), withSession.body());
            assertTrue(withSession.body().contains("navmenu"), "the console's page");
            HttpResponse<String> sessionWrite = send(client, HttpRequest.newBuilder(URI.create(base + MONITOR_CONFIG))
                    .header("Cookie", SESSION_COOKIE + "=" + session)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(monitorForm("0")))));
            assertEquals(403, sessionWrite.statusCode(), "a viewer's session cannot write either: " + sessionWrite.body());
            assertEquals(cfgBefore, Files.readString(monitorCfg));

            // Disabling alice ends her access at once: HTTP Basic and her session.
            Http.Response disabled = admin.postFormAsAdmin(USERS, Map.of("action", "disable", "name", "alice"));
            assertEquals(200, disabled.status(), disabled.body());
            assertTrue(disabled.body().contains("Disabled user alice"), disabled.body());
            assertEquals(401, alice.getAsAdmin("/system/console/bundles").status(), "disabled alice with HTTP Basic");
            HttpResponse<String> oldSession = send(client, HttpRequest.newBuilder(URI.create(base + "/system/console/bundles"))
                    .header("Cookie", SESSION_COOKIE + "=" + session).GET());
            assertEquals(401, oldSession.statusCode(), "disabled alice's session: " + oldSession.body());
            assertEquals(401, postLogin(client, base, "alice", password).statusCode(), "disabled alice on the login form");
            // The administrator is unaffected.
            assertEquals(200, admin.getAsAdmin("/system/console/bundles").status());
        }
    }

    // ------------------------------------------------------------------ OSP (CON-20..CON-22, CON-10)

    @Test
    @DisplayName("CON-20, CON-21, CON-22, CON-10: on Weft → OSP admin creates tenant acme, instance shop (DRM, SOFAREGISTRY) "
            + "and a key with antcloud.deps.cell.list; the SecretKey is shown once; SQL-looking names are refused and "
            + "nothing is written; a request signed as docs/osp.md says matches RequestSigning")
    void operatorCreatesTenantInstanceAndKeyAndSigns() throws Exception {
        try (WeftNode node = WeftNode.create("console-osp").start()) {
            ready(node);
            Http admin = node.http();

            Http.Response empty = admin.getAsAdmin(OSP);
            assertEquals(200, empty.status(), empty.body());
            for (String block : List.of("weft-osp-tenants", "weft-osp-instances", "weft-osp-keys", "weft-osp-forms")) {
                assertTrue(empty.body().contains("id=\"" + block + "\""), block + " missing: " + empty.body());
            }
            for (String action : List.of("tenant-create", "instance-create", "key-create", "key-revoke")) {
                assertTrue(empty.body().contains("data-action=\"" + action + "\""), action + " form missing");
            }
            // A fresh node has instance default (docs/osp.md "What a node starts with") and no key.
            assertTrue(empty.body().contains("data-instance=\"default\""), empty.body());
            assertTrue(block(empty.body(), "weft-osp-keys").contains("No AccessKeys"), empty.body());

            KeyPair key = createAcmeShopAndKey(admin);
            assertTrue(key.accessKey().matches("AK[A-Z0-9]{18}"), key.accessKey());
            assertTrue(key.secretKey().matches("[A-Za-z0-9]{30}"), "30 letters and digits: " + key.secretKey().length());

            // Listed afterwards; the key with instance, state and permission, never its secret.
            Http.Response listed = admin.getAsAdmin(OSP);
            assertEquals(200, listed.status());
            assertListed(listed.body(), key);
            assertFalse(listed.body().contains(key.secretKey()), "the SecretKey must not be on the list page");
            assertFalse(admin.getAsAdmin(OSP).body().contains(key.secretKey()), "nor on any later view");

            // Creating a duplicate is refused with the reason.
            Http.Response duplicate = admin.postFormAsAdmin(OSP, Map.of("action", "tenant-create", "tenant", "acme"));
            assertEquals(400, duplicate.status(), duplicate.body());
            assertTrue(duplicate.body().contains("Tenant acme already exists"), duplicate.body());

            // SQL-looking input anywhere: refused with the rule, nothing written.
            List<Refusal> hostile = List.of(
                    new Refusal("Invalid tenant", Map.of("action", "tenant-create", "tenant", SQL_NAME)),
                    new Refusal("Invalid instanceId", Map.of("action", "instance-create", "tenant", "acme",
                            "instanceId", SQL_NAME, "workspace", "prod", "products", "DRM")),
                    new Refusal("Invalid workspace", Map.of("action", "instance-create", "tenant", "acme",
                            "instanceId", "shop2", "workspace", SQL_NAME, "products", "DRM")),
                    new Refusal("Invalid tenant", Map.of("action", "instance-create", "tenant", SQL_NAME,
                            "instanceId", "shop3")),
                    new Refusal("Unknown product", Map.of("action", "instance-create", "tenant", "acme",
                            "instanceId", "shop4", "products", "DRM'); DROP TABLE osp_instance; --")),
                    new Refusal("Invalid instanceId", Map.of("action", "key-create", "instanceId", SQL_NAME,
                            "permissions", PERMISSION)),
                    new Refusal("Invalid permission", Map.of("action", "key-create", "instanceId", "shop",
                            "permissions", "x'); DELETE FROM osp_access_key; --")));
            String before = listings(admin.getAsAdmin(OSP).body());
            for (Refusal attempt : hostile) {
                Http.Response r = admin.postFormAsAdmin(OSP, attempt.form());
                assertEquals(400, r.status(), attempt + ": " + r.body());
                assertTrue(r.body().contains("Refused: " + attempt.message()), attempt + ": " + r.body());
                assertFalse(r.body().contains("weft-osp-secret"), "no key shown for a refused request");
                assertFalse(r.body().contains("'; DROP") || r.body().contains("'); D"), "the input is echoed escaped: " + r.body());
            }
            assertEquals(before, listings(admin.getAsAdmin(OSP).body()), "a refused request writes nothing");
            assertListed(admin.getAsAdmin(OSP).body(), key);

            // Sign as an operator would (docs/osp.md "How a request is signed"), three ways that must agree.
            long now = System.currentTimeMillis();
            long ts = now - now % 300_000;
            String stringToSign = "shop" + ts;
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.secretKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String jdk = Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
            assertEquals(ts, RequestSigning.registryTimestamp(now));
            assertEquals(stringToSign, RequestSigning.stringToSign("shop", ts, ""));
            assertEquals(jdk, RequestSigning.sign(key.secretKey(), RequestSigning.stringToSign("shop", ts, "")),
                    "the documented JDK recipe and io.weft.api.osp.RequestSigning agree");
            openssl(stringToSign, key.secretKey()).ifPresent(signature ->
                    assertEquals(jdk, signature, "the documented openssl recipe agrees"));
            // Requests signing content of their own add "\n" + content.
            String content = "{\"cell\":\"RZ01A\"}";
            mac.init(new SecretKeySpec(key.secretKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String withContent = Base64.getEncoder().encodeToString(
                    mac.doFinal(("shop" + ts + "\n" + content).getBytes(StandardCharsets.UTF_8)));
            assertEquals(withContent, RequestSigning.sign(key.secretKey(), RequestSigning.stringToSign("shop", ts, content)));
            // The docs' own example form: instance default at 1583403600000.
            assertEquals("default1583403600000", RequestSigning.stringToSign("default", 1583403600000L, ""));
            assertEquals(1583403600000L, RequestSigning.registryTimestamp(1583403690444L));
            // NOTE: no HTTP endpoint of the node consumes OSP signatures yet (registry, DRM and scheduler
            // are open issues), so the node's SignatureVerifier cannot be reached end to end from here.

            // Revoking a second key leaves the first one active (CON-22: keys are per application).
            KeyPair other = keyFor(admin, "shop", PERMISSION);
            Http.Response revoked = admin.postFormAsAdmin(OSP, Map.of("action", "key-revoke", "accessKeyId", other.accessKey()));
            assertEquals(200, revoked.status(), revoked.body());
            String afterRevoke = admin.getAsAdmin(OSP).body();
            assertTrue(Pattern.compile("<tr data-access-key=\"" + other.accessKey() + "\"><td>[A-Z0-9]+</td><td>shop</td><td>revoked ")
                    .matcher(afterRevoke).find(), afterRevoke);
            assertListed(afterRevoke, key);

            // The audit log names the creations and the key id, never the secret.
            assertTrue(WeftNode.await(Duration.ofSeconds(10), () -> node.log("osp/auth-audit.log")
                    .contains("CREATED accessKey=" + key.accessKey() + " instance=shop")), node.log("osp/auth-audit.log"));
            assertTrue(node.log("osp/auth-audit.log").contains("CREATED tenant=acme"), node.log("osp/auth-audit.log"));
            assertNoSecretInLogs(node, key.secretKey());
        }
    }

    // ------------------------------------------------------------------ durability (operations.md)

    @Test
    @DisplayName("CON-20, CON-21, CON-23: tenant, instance, key and console user survive bin/weft stop + start and kill -9 + "
            + "start; ACVIP then knows shop-DRM (productEnabled true) and shop-SCHEDULER (productEnabled false)")
    void ospObjectsAndUsersSurviveRestartAndCrash() throws Exception {
        try (WeftNode node = WeftNode.create("console-osp-durable").start()) {
            ready(node);
            Http admin = node.http();
            KeyPair key = createAcmeShopAndKey(admin);
            String password = createUser(admin, "alice", "viewer");
            assertProductsOnAcvip(node);

            // Clean restart.
            WeftNode.Result stop = node.weft("stop");
            assertEquals(0, stop.exitStatus(), stop.output());
            assertFalse(node.isAlive());
            ready(node.start());
            assertListed(admin.getAsAdmin(OSP).body(), key);
            assertEquals(200, new Http(admin.base(), "alice", password).getAsAdmin("/system/console/bundles").status(),
                    "alice after a clean restart");

            // Crash: SIGKILL, then start from the same home.
            long pid = node.pid().orElseThrow();
            node.kill9();
            assertFalse(node.isAlive(), "process " + pid + " should be gone");
            ready(node.start());
            assertTrue(node.pid().orElseThrow() != pid, "a new process");
            Http.Response afterCrash = admin.getAsAdmin(OSP);
            assertEquals(200, afterCrash.status(), afterCrash.body());
            assertListed(afterCrash.body(), key);
            assertFalse(afterCrash.body().contains(key.secretKey()));
            assertEquals(200, new Http(admin.base(), "alice", password).getAsAdmin("/system/console/bundles").status(),
                    "alice after kill -9");
            // The instance is usable after the crash: a second key for it.
            KeyPair second = keyFor(admin, "shop", PERMISSION);
            assertFalse(second.accessKey().equals(key.accessKey()));

            assertProductsOnAcvip(node);
            assertNoSecretInLogs(node, key.secretKey());
        }
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Waits until the console's login is intelliproxy's and the Users and OSP pages are served.
     * {@code /health} answers 200 (DEGRADED) as soon as the bundles are started, while the components
     * that need the node database (OSP, intelliproxy) are still unsatisfied; they follow once it is
     * reachable and migrated.
     */
    @Test
    @DisplayName("CON-23: a change posted from another site's page is refused even with the administrator's credentials; the same post from the console goes through")
    void crossSitePostRefused() throws Exception {
        try (WeftNode node = ready(WeftNode.create("console-cross-site").start())) {
            HttpClient client = HttpClient.newHttpClient();
            String base = node.http().base();
            String basic = "Basic " + java.util.Base64.getEncoder()
                    .encodeToString(("admin:" + WeftNode.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
            String before = diskRow(node.http());

            HttpResponse<String> forged = send(client, HttpRequest.newBuilder(URI.create(base + "/system/console/configMgr/io.weft.monitor"))
                    .header("Authorization", basic)
                    .header("Origin", "http://evil.example")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(monitorForm("79")))));
            assertEquals(403, forged.statusCode(), forged.body());
            assertEquals(before, diskRow(node.http()), "threshold unchanged");
            HttpResponse<String> forgedUser = send(client, HttpRequest.newBuilder(URI.create(base + "/system/console/weft-users"))
                    .header("Authorization", basic)
                    .header("Referer", "http://evil.example/page")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("action", "create", "name", "mallory", "roles", "admin")))));
            assertEquals(403, forgedUser.statusCode(), forgedUser.body());
            assertFalse(node.http().getAsAdmin("/system/console/weft-users").body().contains("mallory"), "no user created");

            HttpResponse<String> own = send(client, HttpRequest.newBuilder(URI.create(base + "/system/console/configMgr/io.weft.monitor"))
                    .header("Authorization", basic)
                    .header("Origin", base)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(monitorForm("79")))));
            assertTrue(own.statusCode() == 200 || own.statusCode() == 302, own.statusCode() + " " + own.body());
        }
    }

    static WeftNode ready(WeftNode node) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertTrue(WeftNode.await(Duration.ofSeconds(60), () -> {
            try {
                HttpResponse<String> browser = send(client, HttpRequest.newBuilder(
                        URI.create(node.http().base() + "/system/console/bundles")).header("Accept", "text/html").GET());
                return browser.statusCode() == 302
                        && browser.headers().firstValue("Location").orElse("").endsWith("/system/console/login")
                        && node.http().getAsAdmin(USERS).ok() && node.http().getAsAdmin(OSP).ok();
            } catch (Exception e) {
                return false;
            }
        }), "intelliproxy's login and the Users and OSP pages: " + node.http().get("/health").body());
        return node;
    }

    /** Tenant acme, instance shop (DRM, SOFAREGISTRY, workspace prod) and a key for it, through the OSP page. */
    private static KeyPair createAcmeShopAndKey(Http admin) {
        Http.Response tenant = admin.postFormAsAdmin(OSP, Map.of("action", "tenant-create", "tenant", "acme"));
        assertEquals(200, tenant.status(), tenant.body());
        assertTrue(tenant.body().contains("Created tenant acme"), tenant.body());

        Http.Response instance = admin.postFormAsAdmin(OSP, Map.of("action", "instance-create", "tenant", "acme",
                "instanceId", "shop", "workspace", "prod", "products", "DRM, SOFAREGISTRY"));
        assertEquals(200, instance.status(), instance.body());
        assertTrue(instance.body().contains("Created instance shop (tenant acme, workspace prod, products DRM,SOFAREGISTRY)"),
                instance.body());

        return keyFor(admin, "shop", PERMISSION);
    }

    /** Creates an AccessKey on the OSP page and reads the pair from the answer, the one place it is shown. */
    private static KeyPair keyFor(Http admin, String instanceId, String permissions) {
        Http.Response created = admin.postFormAsAdmin(OSP, Map.of("action", "key-create", "instanceId", instanceId,
                "permissions", permissions));
        assertEquals(200, created.status(), created.body());
        assertTrue(created.body().contains("id=\"weft-osp-secret\""), created.body());
        assertTrue(created.body().contains("shown only now"), created.body());
        assertTrue(created.body().contains("<th>Instance</th><td>" + instanceId + "</td>"), created.body());
        assertTrue(created.body().contains("<th>Permissions</th><td>" + permissions + "</td>"), created.body());
        return new KeyPair(group(ACCESS_KEY, created.body()), group(SECRET_KEY, created.body()));
    }

    private static void assertListed(String page, KeyPair key) {
        assertTrue(block(page, "weft-osp-tenants").contains("<tr data-tenant=\"acme\"><td>acme</td><td>1</td>"), page);
        assertTrue(block(page, "weft-osp-instances").contains(
                "<tr data-instance=\"shop\"><td>shop</td><td>acme</td><td>prod</td><td>DRM,SOFAREGISTRY</td></tr>"), page);
        Matcher row = Pattern.compile("<tr data-access-key=\"" + key.accessKey() + "\">(.*?)</tr>")
                .matcher(block(page, "weft-osp-keys"));
        assertTrue(row.find(), "key " + key.accessKey() + " not listed: " + page);
        assertTrue(row.group(1).contains("<td>shop</td><td>active</td>"), row.group(1));
        assertTrue(row.group(1).endsWith("<td>" + PERMISSION + "</td>"), row.group(1));
    }

    /** Creates a user on the Users page and returns the password it shows once. */
    static String createUser(Http admin, String name, String role) {
        Http.Response created = admin.postFormAsAdmin(USERS, Map.of("action", "create", "name", name, "roles", role));
        assertEquals(200, created.status(), created.body());
        assertTrue(created.body().contains("Created user " + name + " with roles [" + role + "]"), created.body());
        return group(PASSWORD, created.body());
    }

    /** ACVIP answers for instance shop: DRM enabled, SCHEDULER not (CON-21, CON-25). */
    private static void assertProductsOnAcvip(WeftNode node) throws Exception {
        String body = "{\"allowPolling\":false,\"from\":\"itest\",\"clientVersion\":\"direct_http_json\","
                + "\"vipDomainName2ChecksumMap\":{\"shop-DRM\":\"N\",\"shop-SCHEDULER\":\"N\",\"shop-SOFAREGISTRY\":\"N\"}}";
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> r = send(client, HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + node.acvipPort() + "/antcloud/antvip/instances/get"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode answer = JSON.readTree(r.body());
        assertEquals(0, answer.path("errorCode").asInt(), r.body());
        assertEquals(0, answer.path("unknownDomains").size(), "shop is known: " + r.body());
        Map<String, JsonNode> domains = new LinkedHashMap<>();
        answer.path("vipDomains").forEach(d -> domains.put(d.path("name").asText(), d));
        assertEquals(List.of("shop-DRM", "shop-SCHEDULER", "shop-SOFAREGISTRY"),
                domains.keySet().stream().sorted().toList(), r.body());
        assertTrue(domains.get("shop-DRM").path("productEnabled").asBoolean(), r.body());
        assertTrue(domains.get("shop-SOFAREGISTRY").path("productEnabled").asBoolean(), r.body());
        assertFalse(domains.get("shop-SCHEDULER").path("productEnabled").asBoolean(), r.body());
        assertEquals(0, domains.get("shop-SCHEDULER").path("realNodes").size(), r.body());
    }

    private static void assertNoSecretInLogs(WeftNode node, String secret) throws IOException {
        Path logs = node.home().resolve("logs");
        try (var files = Files.walk(logs)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(f, StandardCharsets.ISO_8859_1).contains(secret), "SecretKey in " + f);
            }
        }
    }

    /** The listing blocks of the OSP page (tenants, instances, keys), without the forms. */
    private static String listings(String page) {
        return block(page, "weft-osp-tenants") + block(page, "weft-osp-instances") + block(page, "weft-osp-keys");
    }

    private static String block(String page, String id) {
        int start = page.indexOf("<div id=\"" + id + "\">");
        assertTrue(start >= 0, id + " missing: " + page);
        int end = page.indexOf("</div>", start);
        return page.substring(start, end);
    }

    private static String diskRow(Http admin) {
        Http.Response monitor = admin.getAsAdmin("/system/console/weft-monitor");
        assertEquals(200, monitor.status(), monitor.body());
        Matcher m = DISK_ROW.matcher(monitor.body());
        assertTrue(m.find(), monitor.body());
        // Only the threshold cell: the measured value moves.
        return m.group().replaceAll("<td>[0-9.]+ %</td>", "<td>(value)</td>").replaceAll("<td>(ok|<strong>FIRING</strong>)</td>", "");
    }

    /** The form the Web Console's configuration page posts for io.weft.monitor (as LiveReconfigurationTest). */
    private static Map<String, String> monitorForm(String diskThreshold) {
        return Map.of("apply", "true", "action", "ajaxConfigManager",
                "propertylist", "cpuUsageThreshold,memUsageThreshold,diskUsageThreshold,load5Threshold,evaluationIntervalSeconds",
                "cpuUsageThreshold", "80", "memUsageThreshold", "80", "diskUsageThreshold", diskThreshold,
                "load5Threshold", "3", "evaluationIntervalSeconds", "60");
    }

    private static HttpResponse<String> postLogin(HttpClient client, String base, String user, String password)
            throws Exception {
        return send(client, HttpRequest.newBuilder(URI.create(base + "/system/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", password)))));
    }

    private static Optional<String> sessionCookie(HttpResponse<?> r) {
        for (String header : r.headers().allValues("Set-Cookie")) {
            if (header.startsWith(SESSION_COOKIE + "=")) {
                String value = header.substring(SESSION_COOKIE.length() + 1).split(";", 2)[0];
                if (!value.isEmpty()) {
                    assertTrue(header.contains("HttpOnly"), header);
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.find(), pattern + " not found in: " + text);
        assertNotNull(m.group(1));
        return m.group(1);
    }

    /** The docs' openssl one-liner, when openssl is installed; empty otherwise. */
    private static Optional<String> openssl(String stringToSign, String secret) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/openssl"))) {
            return Optional.empty();
        }
        // The secret goes in through the environment, as the docs' $SECRET_KEY.
        ProcessBuilder pb = new ProcessBuilder("sh", "-c",
                "printf '%s' \"$STS\" | openssl dgst -sha256 -hmac \"$SECRET_KEY\" -binary | base64");
        pb.environment().put("STS", stringToSign);
        pb.environment().put("SECRET_KEY", secret);
        Process run = pb.start();
        assertTrue(run.waitFor(30, TimeUnit.SECONDS), "openssl did not finish");
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, run.exitValue(), new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return Optional.of(out);
    }
}
