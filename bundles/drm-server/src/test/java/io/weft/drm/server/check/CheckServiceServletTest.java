package io.weft.drm.server.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.drm.server.core.DrmDataServer;
import io.weft.drm.server.core.FakeDrmStore;
import io.weft.drm.server.core.Settings;
import io.weft.drm.server.core.TestVerifier;

class CheckServiceServletTest {

    private final FakeDrmStore store = new FakeDrmStore();

    private static HttpResponse<String> get(DrmDataServer node) throws Exception {
        Server jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new CheckServiceServlet(node.serviceCheck())), "/checkService");
        jetty.setHandler(context);
        jetty.start();
        try {
            String url = "http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort()
                    + "/checkService";
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } finally {
            jetty.stop();
        }
    }

    @Test
    @DisplayName("DRM-33, DRM-29: /checkService is true with the database and both ports up")
    void allUp() throws Exception {
        DrmDataServer node = new DrmDataServer(store, TestVerifier::new, Settings.defaults(0, 0), Clock.systemUTC());
        node.start();
        try {
            HttpResponse<String> r = get(node);
            assertEquals(200, r.statusCode());
            assertEquals("{\"checkService\":true,\"database\":true,\"clientPort\":true,\"syncPort\":true}", r.body());
        } finally {
            node.stop();
        }
    }

    @Test
    @DisplayName("DRM-33: a sync port that cannot be bound makes /checkService contain false (503)")
    void portDown() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            DrmDataServer node = new DrmDataServer(store, TestVerifier::new,
                    Settings.defaults(0, taken.getLocalPort()), Clock.systemUTC());
            node.start();
            try {
                HttpResponse<String> r = get(node);
                assertEquals(503, r.statusCode());
                assertTrue(r.body().contains("\"checkService\":false"), r.body());
                assertTrue(r.body().contains("\"syncPort\":false"), r.body());
                assertTrue(r.body().contains("\"clientPort\":true"), r.body());
            } finally {
                node.stop();
            }
        }
    }

    @Test
    @DisplayName("DRM-33: a database failing at the last attempt makes /checkService false")
    void databaseDown() throws Exception {
        DrmDataServer node = new DrmDataServer(store, TestVerifier::new, Settings.defaults(0, 0), Clock.systemUTC());
        node.start();
        try {
            store.failing(true);
            node.nodeHeartbeatNow();
            HttpResponse<String> r = get(node);
            assertEquals(503, r.statusCode());
            assertTrue(r.body().contains("\"database\":false"), r.body());
            store.failing(false);
            node.nodeHeartbeatNow();
            assertEquals(200, get(node).statusCode());
        } finally {
            node.stop();
        }
    }
}
