package io.weft.registry.meta.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code GET /health/readiness} in a plain Jetty on 127.0.0.1, fed whatever readiness the test sets. */
class ReadinessServletTest {

    private final AtomicReference<Readiness> readiness = new AtomicReference<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Server jetty;
    private int port;

    @BeforeEach
    void start() throws Exception {
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new ReadinessServlet(readiness::get)), ReadinessServlet.PATH);
        jetty.setHandler(context);
        jetty.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        jetty.stop();
    }

    private HttpResponse<String> get() throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + ReadinessServlet.PATH))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("OPS-3, OPS-4: a leader with its servers started is ready: 200 UP, raftStatus Leader, the leader")
    void leaderIsReady() throws Exception {
        readiness.set(Readiness.ready("Leader", "127.0.0.1:9612"));
        HttpResponse<String> r = get();
        assertEquals(200, r.statusCode());
        assertEquals("{\"status\":\"UP\",\"raftStatus\":\"Leader\",\"leader\":\"127.0.0.1:9612\"}", r.body());
        assertEquals("application/json;charset=utf-8", r.headers().firstValue("Content-Type").orElse("").toLowerCase());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    @DisplayName("OPS-3: a follower of a known leader is ready too: one node must be leader, any member may be probed")
    void followerOfALeaderIsReady() throws Exception {
        readiness.set(Readiness.ready("Follower", "10.0.0.1:9612"));
        HttpResponse<String> r = get();
        assertEquals(200, r.statusCode());
        assertEquals("{\"status\":\"UP\",\"raftStatus\":\"Follower\",\"leader\":\"10.0.0.1:9612\"}", r.body());
    }

    @Test
    @DisplayName("OPS-3: without a leader, or with its servers not started, the member answers 503 DOWN saying why")
    void notReady() throws Exception {
        readiness.set(Readiness.notReady("Candidate", null, "no leader: the group cannot commit"));
        HttpResponse<String> r = get();
        assertEquals(503, r.statusCode());
        assertEquals("{\"status\":\"DOWN\",\"raftStatus\":\"Candidate\",\"leader\":null,"
                + "\"reason\":\"no leader: the group cannot commit\"}", r.body());
    }

    @Test
    @DisplayName("OPS-4: the probe is read-only: a POST is refused 405 and changes nothing")
    void readOnly() throws Exception {
        readiness.set(Readiness.ready("Leader", "127.0.0.1:9612"));
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + ReadinessServlet.PATH)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, r.statusCode());
    }

    @Test
    @DisplayName("OPS-3: once its HTTP instance stops, the port no longer listens")
    void stoppedInstanceFreesThePort() throws Exception {
        readiness.set(Readiness.ready("Leader", "127.0.0.1:9612"));
        assertEquals(200, get().statusCode());
        jetty.stop();
        assertThrows(IOException.class, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            }
        });
    }
}
