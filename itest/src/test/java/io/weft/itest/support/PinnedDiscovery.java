package io.weft.itest.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A session discovery endpoint ({@code /api/servers/query} and {@code /api/servers/queryWithWeight}, RCP-10) that
 * names one session server the test chooses, as the load balancer or domain name in front of a cluster's
 * sessions does: a registry client pointed at it connects to that session, and after {@link #pin} to another one
 * it reconnects there once its connection is gone.
 */
public final class PinnedDiscovery implements AutoCloseable {

    private final HttpServer server;
    private volatile String endpoint;

    public PinnedDiscovery(int sessionPort) throws IOException {
        pin(sessionPort);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/servers/", exchange -> {
            byte[] body = endpoint.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** From now on the discovery names the session listening on this port of 127.0.0.1. */
    public void pin(int sessionPort) {
        endpoint = "127.0.0.1:" + sessionPort;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
