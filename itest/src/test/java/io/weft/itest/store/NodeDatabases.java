package io.weft.itest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.weft.itest.support.Http;
import io.weft.itest.support.WeftNode;

/**
 * What the shared-database tests do to nodes: write the store's configuration files before a first
 * start, drive the OSP console page, ask ACVIP and {@code /health}.
 */
final class NodeDatabases {

    static final String OSP_PAGE = "/system/console/weft-osp";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACCESS_KEY = Pattern.compile(
            "<tr><th>AccessKey</th><td><code>([^<]+)</code></td></tr>");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private NodeDatabases() {
    }

    /** Writes {@code conf/<name>.cfg} as Java properties (escaped), as FileInstall reads it. */
    static void writeConfig(WeftNode node, String fileName, Map<String, String> values) throws IOException {
        Properties p = new Properties();
        p.putAll(values);
        StringWriter text = new StringWriter();
        p.store(text, "written by " + NodeDatabases.class.getSimpleName());
        Files.writeString(node.home().resolve("conf").resolve(fileName + ".cfg"), text.toString(), StandardCharsets.UTF_8);
    }

    /** The node runs the Derby network server on 127.0.0.1:{@code port} (PID io.weft.store.derbyserver). */
    static void serveDerby(WeftNode node, int port) throws IOException {
        writeConfig(node, "io.weft.store.derbyserver", Map.of("host", "127.0.0.1", "port", Integer.toString(port)));
    }

    /**
     * The node's database {@code weft} is database {@code weft} of the Derby network server on
     * 127.0.0.1:{@code port}, retried every 2 s at most while unreachable.
     */
    static void useNetworkDerby(WeftNode node, int port) throws IOException {
        writeConfig(node, "io.weft.store.database-weft", ordered(
                "name", "weft", "type", "network-derby", "host", "127.0.0.1", "port", Integer.toString(port),
                "database", "weft", "retryMaxDelaySeconds", "2"));
    }

    /** The node's database {@code weft} is MySQL/MariaDB at a full JDBC URL (credentials in it). */
    static void useMysql(WeftNode node, String jdbcUrl) throws IOException {
        writeConfig(node, "io.weft.store.database-weft", ordered(
                "name", "weft", "type", "mysql", "url", jdbcUrl, "retryMaxDelaySeconds", "2"));
    }

    private static Map<String, String> ordered(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** One action of the OSP page's forms, posted as admin; insists it succeeded. */
    static Http.Response ospAction(WeftNode node, Map<String, String> form) {
        Http.Response r = node.http().postFormAsAdmin(OSP_PAGE, form);
        assertEquals(200, r.status(), "OSP " + form.get("action") + " on " + node.home() + ": " + r.body());
        assertTrue(r.body().contains("id=\"weft-osp-result\" class=\"ok\""), r.body());
        return r;
    }

    static void createTenant(WeftNode node, String tenant) {
        ospAction(node, Map.of("action", "tenant-create", "tenant", tenant));
    }

    static void createInstance(WeftNode node, String tenant, String instanceId, String products) {
        ospAction(node, Map.of("action", "instance-create", "tenant", tenant, "instanceId", instanceId,
                "workspace", "prod", "products", products));
    }

    /** Creates an AccessKey on the OSP page; returns its id as the one-time answer shows it. */
    static String createAccessKey(WeftNode node, String instanceId, String permissions) {
        Http.Response r = ospAction(node, Map.of("action", "key-create", "instanceId", instanceId,
                "permissions", permissions));
        Matcher m = ACCESS_KEY.matcher(r.body());
        assertTrue(m.find(), "the answer shows the new AccessKey: " + r.body());
        return m.group(1);
    }

    /** The OSP page (GET, as admin) as the node renders it now. */
    static String ospPage(WeftNode node) {
        return node.http().getAsAdmin(OSP_PAGE).body();
    }

    /**
     * ACVIP's answer for one domain ({@code POST /antcloud/antvip/instances/get}, no polling): the entry of
     * {@code vipDomains} naming it, or empty when the domain is unknown or ACVIP did not answer.
     */
    static Optional<JsonNode> acvipDomain(WeftNode node, String domain) {
        ObjectNode request = JSON.createObjectNode();
        request.put("allowPolling", false);
        request.put("from", "itest");
        request.put("clientVersion", "direct_http_json");
        request.putObject("vipDomainName2ChecksumMap").put(domain, "N");
        try {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + node.acvipPort() + "/antcloud/antvip/instances/get"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return Optional.empty();
            }
            for (JsonNode d : JSON.readTree(r.body()).path("vipDomains")) {
                if (domain.equals(d.path("name").asText())) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** True when ACVIP knows {@code domain} and says whether its product is enabled as {@code enabled}. */
    static boolean acvipKnows(WeftNode node, String domain, boolean enabled) {
        return acvipDomain(node, domain).map(d -> d.path("productEnabled").asBoolean(!enabled) == enabled).orElse(false);
    }

    /** {@code /health}: status code and the parsed body (a missing node for a body that is not JSON). */
    record Health(int status, JsonNode body) {
        /** The check named {@code name} (e.g. {@code store-weft}), or a missing node. */
        JsonNode check(String name) {
            for (JsonNode c : body.path("checks")) {
                if (name.equals(c.path("name").asText())) {
                    return c;
                }
            }
            return JSON.missingNode();
        }
    }

    static Health health(WeftNode node) {
        Http.Response r = node.http().get("/health");
        try {
            return new Health(r.status(), r.status() < 0 ? JSON.missingNode() : JSON.readTree(r.body()));
        } catch (IOException e) {
            return new Health(r.status(), JSON.missingNode());
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
