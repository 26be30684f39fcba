package io.weft.registry.data.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weft.registry.data.monitor.DataCounts;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The ops endpoints in a plain Jetty over a data server view the test sets. */
class OpsServletsTest {

    private static final DataStatus WORKING = new DataStatus(true, "127.0.0.1:9620", true, true, true, true, 7, 128,
            128, 12, 40, 20, 2, 2, 2);

    private volatile DataStatus status = WORKING;
    private final DataServerView view = new DataServerView() {
        @Override
        public DataStatus status() {
            return status;
        }

        @Override
        public DataCounts counts() {
            return new DataCounts();
        }
    };
    private final Server jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        OpsJson out = new OpsJson();
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new HealthCheckServlet(new HealthCheck(view), out)),
                HealthCheckServlet.PATH);
        context.addServlet(new ServletHolder(new DatumCountServlet(view, out)), DatumCountServlet.PATH);
        jetty.setHandler(context);
        jetty.start();
    }

    @AfterEach
    void stop() throws Exception {
        jetty.stop();
    }

    @Test
    @DisplayName("OPS-4: /health/check on a working data server answers 200 with the seed's success/message shape")
    void healthy() throws Exception {
        HttpResponse<String> r = get(HealthCheckServlet.PATH);

        assertEquals(200, r.statusCode());
        JsonNode body = json.readTree(r.body());
        assertTrue(body.get("success").asBoolean());
        String message = body.get("message").asText();
        assertTrue(message.startsWith("DataServerBoot sessionServer:true, dataSyncServer:true, metaRegistered:true,"
                + " status:WORK"), message);
        assertTrue(message.contains("datum:12, pub:40"), message);
    }

    @Test
    @DisplayName("REG-31, OPS-4: before it works, /health/check answers 503 with status:INIT")
    void notWorking() throws Exception {
        status = new DataStatus(true, "127.0.0.1:9620", true, true, false, false, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        HttpResponse<String> r = get(HealthCheckServlet.PATH);

        assertEquals(503, r.statusCode());
        JsonNode body = json.readTree(r.body());
        assertEquals(false, body.get("success").asBoolean());
        assertTrue(body.get("message").asText().contains("status:INIT"));
    }

    @Test
    @DisplayName("OPS-4: /digest/datum/count answers the datums and publishers held here")
    void datumCount() throws Exception {
        HttpResponse<String> r = get(DatumCountServlet.PATH);

        assertEquals(200, r.statusCode());
        assertEquals("{\"datum\":12,\"pub\":40,\"leaderPub\":20,\"leaderSlots\":128,\"followerSlots\":128,\"slotTableEpoch\":7}",
                r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort() + path);
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
