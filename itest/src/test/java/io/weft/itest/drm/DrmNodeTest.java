package io.weft.itest.drm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.weft.itest.support.DeployJars.bump;
import static io.weft.itest.support.DeployJars.drop;
import static io.weft.itest.support.DeployJars.systemJar;
import static io.weft.itest.support.DeployJars.withVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.weft.drm.client.DrmClient;
import io.weft.drm.client.DrmRegistration;
import io.weft.itest.support.ClassLoaderCount;
import io.weft.itest.support.ConsoleBundles;
import io.weft.itest.support.DrmClientHome;
import io.weft.itest.support.DrmConsole;
import io.weft.itest.support.Http;
import io.weft.itest.support.WeftNode;

/**
 * One standalone node (roles acvip, console, drm) and DRM clients in the test JVM, as an application
 * uses the client library: a value pushed on the console page reaches the client's object within seconds,
 * drmdata writes its seed-format logs, bad input on the client port and the console is refused without
 * disturbing the client, a restart of the node and an in-place upgrade of drm-server keep the value, and access
 * is authorised per instance
 * (DRM-12). The methods run in order on one node: each builds on what the previous one left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DrmNodeTest {

    private static final Duration DELIVERY = Duration.ofSeconds(10);
    private static final Duration UPGRADE = Duration.ofSeconds(60);
    private static final String DRM_SERVER_BUNDLE = "io.weft.drm-server";
    private static final String DRM_SERVER_CLASS = "io.weft.drm.server.DrmDataNode";
    private static final Pattern HEARTBEAT_LINE = Pattern.compile(
            "^\\S+ \\S+ [YN];\\d+ms;[^;]*;default;127\\.0\\.0\\.1;\\d+;\\d+;tcp$", Pattern.MULTILINE);

    private WeftNode node;
    private DrmConsole console;
    private DrmClientHome home;
    private DrmClient client;
    private final Checkout checkout = new Checkout();
    private final List<Long> listened = new CopyOnWriteArrayList<>();
    private DrmRegistration registration;

    @BeforeAll
    void startNodeAndClient() throws Exception {
        node = WeftNode.create("drm-node");
        // Heartbeats every 2 s instead of 30 so that their log lines appear while the test waits.
        node.drmServerConfig(Map.of("heartbeatSeconds", "2"));
        node.start();
        console = DrmConsole.of(node);
        home = DrmClientHome.create("checkout");
        client = home.builder(node).zone("GZ00A").build();
        registration = client.register(checkout, change -> listened.add(change.version()));
        client.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("DRM-6, DRM-7, DRM-9, DRM-11, DRM-14, DRM-15, DRM-18, DRM-20, DRM-22, DRM-23, DRM-33: a value pushed on"
            + " the console page reaches the client's annotated field and listener; /checkService, /metrics and"
            + " drmdata's and the client's logs show the registration, the push and the heartbeats")
    void pushFromTheConsoleReachesTheClient() throws Exception {
        assertTrue(WeftNode.await(DELIVERY, () -> home.registrations() >= 1),
                "the client registers with drmdata: " + home.log("drm-monitor.log") + home.log("common-error.log"));

        DrmConsole.Outcome pushed = console.push("default", Checkout.MODE, "GEOHASH");
        assertTrue(pushed.ok(), pushed.body());
        assertTrue(pushed.version() > 0, pushed.body());
        assertTrue(pushed.message().startsWith("Pushed version " + pushed.version() + " of " + Checkout.MODE),
                pushed.message());
        assertTrue(WeftNode.await(DELIVERY, () -> "GEOHASH".equals(checkout.mode)),
                "the pushed value reaches the client's field: " + checkout.mode + "; " + home.log("common-error.log"));
        assertTrue(WeftNode.await(DELIVERY, () -> listened.contains(pushed.version())),
                "the listener saw version " + pushed.version() + ": " + listened);
        assertTrue(checkout.changes.contains(pushed.version()), "and the @DrmChanged method: " + checkout.changes);
        assertEquals(pushed.version(), registration.version("mode"));
        assertEquals("GEOHASH", registration.value("mode"));

        // The console lists the client as a subscriber holding that version.
        assertTrue(WeftNode.await(DELIVERY, () -> subscriberRow().contains("<td>" + pushed.version() + "</td>")),
                "subscribers table: " + console.detail("default", Checkout.MODE).body());

        // DRM-33: /checkService on its own port; a failing check would contain false.
        HttpResponse<String> check = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + node.drmPorts().checkService() + "/checkService")).timeout(DELIVERY).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, check.statusCode(), check.body());
        assertFalse(check.body().contains("false"), check.body());

        // drmdata's logs (DRM-15), each line a timestamp then the guide's body.
        assertTrue(WeftNode.await(DELIVERY, () -> node.log("drmdata/drmdata-container.log").contains("register;default;")),
                node.log("drmdata/drmdata-container.log"));
        assertTrue(node.log("drmdata/app-auth.log").lines().anyMatch(l -> l.contains(" Y;default;127.0.0.1;")),
                "DRM-12: authorised per instanceId: " + node.log("drmdata/app-auth.log"));
        assertTrue(WeftNode.await(DELIVERY, () -> node.log("drmdata/drmdata-push.log")
                .contains("[push]default;" + Checkout.MODE + ";127.0.0.1;0")), node.log("drmdata/drmdata-push.log"));
        assertTrue(WeftNode.await(DELIVERY, () -> HEARTBEAT_LINE.matcher(node.log("drmdata/drmdata-heartbeat.log")).find()),
                "DRM-18 heartbeat line: " + node.log("drmdata/drmdata-heartbeat.log"));

        // The client's own logs (DRM-22, DRM-23).
        assertTrue(home.log("drm-boot.log").contains(Checkout.MODE), home.log("drm-boot.log"));
        assertTrue(home.log("drm-monitor.log").contains("registersuccess"), home.log("drm-monitor.log"));

        // DRM-14: long connections on /metrics.
        Http.Response metrics = node.http().get("/metrics");
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().lines().anyMatch(l -> l.startsWith("drm_long_connections")),
                metrics.body().lines().filter(l -> l.contains("drm")).toList().toString());
    }

    @Test
    @Order(2)
    @DisplayName("DRM-3, DRM-7: garbage, an oversized frame length, an unknown frame type and a frame before"
            + " registering on the client port each close only that connection; the registered client keeps"
            + " receiving pushes")
    void badFramesOnTheClientPortCloseOnlyThatConnection() throws Exception {
        int port = node.drmPorts().client();
        assertClosedAfter(port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertClosedAfter(port, ByteBuffer.allocate(8).putInt(Integer.MAX_VALUE).putInt(0).array());
        assertClosedAfter(port, frame("{\"type\":\"java.lang.Runtime\",\"requestId\":1}"));
        assertClosedAfter(port, frame("{\"type\":\"heartbeat\",\"requestId\":1,\"holdings\":[]}"));
        assertClosedAfter(port, frame("{not json at all"));

        DrmConsole.Outcome pushed = console.push("default", Checkout.MODE, "AFTER_GARBAGE");
        assertTrue(pushed.ok(), pushed.body());
        assertTrue(WeftNode.await(DELIVERY, () -> "AFTER_GARBAGE".equals(checkout.mode)),
                "the client still gets pushes: " + checkout.mode + "; " + home.log("common-error.log"));
        assertEquals(200, node.http().get("/health").status(), "the node stays healthy");
    }

    @Test
    @Order(3)
    @DisplayName("DRM-32: an oversize value (70 000 bytes) and a push to an unknown attribute are refused with a clear"
            + " message; nothing changes, no version is used up")
    void oversizeAndUnknownPushesAreRefused() throws Exception {
        long before = registration.version("mode");
        String held = checkout.mode;

        DrmConsole.Outcome big = console.push("default", Checkout.MODE, "x".repeat(70_000));
        assertEquals(400, big.status(), big.body());
        assertFalse(big.ok());
        assertTrue(big.message().contains("70000 bytes") && big.message().contains("65536"),
                "the message says how big and what the limit is: " + big.message());

        DrmConsole.Outcome unknown = console.push("default", "io.weft.itest.Nobody:nothing", "1");
        assertEquals(400, unknown.status(), unknown.body());
        assertTrue(unknown.message().startsWith("Refused:"), unknown.message());

        DrmConsole.Outcome badKey = console.push("default", "no key shape", "1");
        assertEquals(400, badKey.status(), badKey.body());

        String page = console.detail("default", Checkout.MODE).body();
        Matcher version = Pattern.compile("id=\"current-version\">(\\d+)<").matcher(page);
        assertTrue(version.find(), page);
        assertEquals(before, Long.parseLong(version.group(1)), "the attribute's version is unchanged");
        assertFalse(page.contains("xxxxxxxxxxxxxxxxxxxx"), "the refused value is nowhere in the history");

        // A push after the refusals gets the next version: nothing was used up.
        DrmConsole.Outcome next = console.push("default", Checkout.MODE, "AFTER_REFUSALS");
        assertTrue(next.ok(), next.body());
        assertEquals(before + 1, next.version(), next.body());
        assertTrue(WeftNode.await(DELIVERY, () -> "AFTER_REFUSALS".equals(checkout.mode)), checkout.mode);
        assertFalse(held.equals(checkout.mode));
    }

    @Test
    @Order(4)
    @DisplayName("DRM-28, DRM-29, DRM-32: bin/weft stop and start keep the value; the client reconnects by itself,"
            + " still holds the same version, and gets the next push")
    void restartKeepsTheValue() throws Exception {
        long version = registration.version("mode");
        String value = checkout.mode;
        long registered = home.registrations();

        WeftNode.Result stopped = node.weft("stop");
        assertEquals(0, stopped.exitStatus(), stopped.output());
        assertEquals(version, registration.version("mode"), "the client keeps its value while drmdata is down");
        node.start();

        assertTrue(WeftNode.await(Duration.ofSeconds(30), () -> home.registrations() > registered),
                "the client registers again by itself: " + home.log("drm-monitor.log"));
        assertEquals(version, registration.version("mode"), "the same version after the restart");
        assertEquals(value, checkout.mode);
        String page = console.detail("default", Checkout.MODE).body();
        assertTrue(page.contains("id=\"current-version\">" + version + "<"), "the node kept version " + version + ": " + page);

        DrmConsole.Outcome pushed = console.push("default", Checkout.MODE, "AFTER_RESTART");
        assertTrue(pushed.ok(), pushed.body());
        assertEquals(version + 1, pushed.version());
        assertTrue(WeftNode.await(DELIVERY, () -> "AFTER_RESTART".equals(checkout.mode)),
                "pushes reach the reconnected client: " + checkout.mode);
    }

    @Test
    @Order(5)
    @DisplayName("DRM-7, DRM-28: drm-server updated in place through deploy/ in the same process: the client registers"
            + " again by itself with the same version and gets the next push; no old revision of drm-server stays"
            + " loaded")
    void drmServerUpgradedInPlace() throws Exception {
        long pid = node.pid().orElseThrow();
        String v1 = ConsoleBundles.find(node.http(), DRM_SERVER_BUNDLE).version();
        Path v2 = withVersion(systemJar(node, "io/weft/drm-server"), bump(v1), null,
                node.home().resolve("drm-server-v2.jar"));
        long version = registration.version("mode");
        long registered = home.registrations();

        drop(v2, node.home().resolve("deploy/drm-server.jar"));
        assertTrue(WeftNode.await(UPGRADE, () -> {
            ConsoleBundles.Entry e = ConsoleBundles.find(node.http(), DRM_SERVER_BUNDLE);
            return e.version().equals(bump(v1)) && e.state().equals("Active");
        }), "drm-server " + bump(v1) + " active: " + ConsoleBundles.find(node.http(), DRM_SERVER_BUNDLE)
                + "\n" + node.log("deploy/deploy.log"));
        assertTrue(WeftNode.await(UPGRADE, () -> home.registrations() > registered),
                "the client registers again by itself: " + home.log("drm-monitor.log"));
        assertEquals(version, registration.version("mode"), "the same version after the upgrade");

        DrmConsole.Outcome pushed = console.push("default", Checkout.MODE, "AFTER_UPGRADE");
        assertTrue(pushed.ok(), pushed.body());
        assertEquals(version + 1, pushed.version());
        assertTrue(WeftNode.await(DELIVERY, () -> "AFTER_UPGRADE".equals(checkout.mode)),
                "pushes reach the client from the new revision: " + checkout.mode);
        assertEquals(pid, node.pid().orElseThrow(), "same process");
        // An upgrade that left the old revision loaded would grow the process by a revision of classes each time:
        // on this node (no lib-sofa) drm-server was the first user of Netty's shared executors, whose class
        // initialisation keeps the stack that made them (io.weft.netty-statics now makes them first).
        assertTrue(WeftNode.await(UPGRADE, () -> ClassLoaderCount.definingAfterGc(pid, DRM_SERVER_CLASS) == 1),
                "class loaders defining " + DRM_SERVER_CLASS + ": "
                        + ClassLoaderCount.definingAfterGc(pid, DRM_SERVER_CLASS));
    }

    @Test
    @Order(6)
    @DisplayName("DRM-12: with unsignedFromLoopback=false set live an unsigned client is refused (app-auth.log N);"
            + " a client signing with an OSP AccessKey of instance default registers; a wrong secret is refused")
    void accessIsAuthorisedPerInstance() throws Exception {
        String current = checkout.mode;
        node.drmServerConfig(Map.of("unsignedFromLoopback", "false"));

        // The change applies within a few seconds (FileInstall, then the component): try until refused.
        DrmClientHome unsigned = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline) {
            DrmClientHome attempt = DrmClientHome.create("unsigned");
            Checkout theirs = new Checkout();
            try (DrmClient c = attempt.builder(node).startTimeout(Duration.ofSeconds(3)).build()) {
                c.register(theirs);
                c.start();
                WeftNode.await(Duration.ofSeconds(3), () -> attempt.log("drm-monitor.log").contains("register"));
                if (attempt.log("drm-monitor.log").contains("registerfail")) {
                    unsigned = attempt;
                    assertEquals("NONE", theirs.mode, "a refused client gets no value");
                    break;
                }
            }
            Thread.sleep(500);
        }
        assertTrue(unsigned != null, "an unsigned client is refused once the setting applied: "
                + node.log("drmdata/app-auth.log"));
        DrmClientHome refused = unsigned;
        assertTrue(refused.log("drm-monitor.log").contains("code=AUTH_FAILED"), refused.log("drm-monitor.log"));
        assertTrue(refused.log("common-error.log").contains("refused the registration of default"),
                refused.log("common-error.log"));
        assertTrue(node.log("drmdata/app-auth.log").lines().anyMatch(l -> l.contains(" N;default;127.0.0.1;-;unsigned;")),
                node.log("drmdata/app-auth.log"));

        // An AccessKey of instance default, created on the OSP page as an operator does.
        Http.Response created = node.http().postFormAsAdmin("/system/console/weft-osp", Map.of(
                "action", "key-create", "instanceId", "default", "permissions", "drm.register"));
        assertEquals(200, created.status(), created.body());
        String accessKey = group("<th>AccessKey</th><td><code>([A-Z0-9]+)</code>", created.body());
        String secretKey = group("<th>SecretKey</th><td><code>([A-Za-z0-9]+)</code>", created.body());

        DrmClientHome signedHome = DrmClientHome.create("signed");
        Checkout signedCheckout = new Checkout();
        try (DrmClient signed = signedHome.builder(node).accessKey(accessKey).secretKey(secretKey).build()) {
            signed.register(signedCheckout);
            signed.start();
            assertTrue(WeftNode.await(DELIVERY, () -> signedHome.registrations() >= 1),
                    "a signed client registers: " + signedHome.log("drm-monitor.log") + signedHome.log("common-error.log"));
            assertTrue(WeftNode.await(DELIVERY, () -> current.equals(signedCheckout.mode)),
                    "and gets the current value " + current + ": " + signedCheckout.mode);
            assertTrue(node.log("drmdata/app-auth.log").lines()
                    .anyMatch(l -> l.contains(" Y;default;127.0.0.1;" + accessKey + ";signed;ok")),
                    node.log("drmdata/app-auth.log"));
        }

        DrmClientHome forgedHome = DrmClientHome.create("forged");
        try (DrmClient forged = forgedHome.builder(node).accessKey(accessKey).secretKey("x".repeat(30))
                .startTimeout(Duration.ofSeconds(3)).build()) {
            forged.register(new Checkout());
            forged.start();
            assertTrue(WeftNode.await(DELIVERY, () -> forgedHome.log("drm-monitor.log").contains("registerfail")),
                    "a wrong secret is refused: " + forgedHome.log("drm-monitor.log"));
            assertEquals(0, forgedHome.registrations());
            assertTrue(node.log("drmdata/app-auth.log").lines()
                    .anyMatch(l -> l.contains(" N;default;127.0.0.1;" + accessKey + ";signed;")),
                    node.log("drmdata/app-auth.log"));
        }
        assertFalse(node.log("drmdata/app-auth.log").contains(secretKey), "no secret in app-auth.log");
    }

    /** The subscribers table's row of the test JVM's client. */
    private String subscriberRow() {
        String page = console.detail("default", Checkout.MODE).body();
        Matcher row = Pattern.compile("<tr class=\"[^\"]*\" data-client=\"127.0.0.1\">.*?</tr>", Pattern.DOTALL)
                .matcher(page);
        return row.find() ? row.group() : "";
    }

    private static byte[] frame(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
    }

    /** Sends the bytes on a fresh connection and insists that drmdata closes it (within 10 s). */
    private static void assertClosedAfter(int port, byte[] bytes) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            try {
                byte[] buffer = new byte[4096];
                while (in.read(buffer) >= 0) {
                    // an error frame may come first; then the end of the stream
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("drmdata kept a connection open after "
                        + new String(bytes, 0, Math.min(bytes.length, 40), StandardCharsets.ISO_8859_1), e);
            } catch (IOException reset) {
                // closed with a reset: closed all the same
            }
        }
    }

    private static String group(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in " + text);
        return m.group(1);
    }
}
