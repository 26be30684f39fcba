package io.weft.registry.session.realclient;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The session discovery the client asks before it connects (RCP-10, RCP-16): {@code GET /api/servers/query}
 * answers {@code 127.0.0.1:<session port>} in plain text; everything else (6.5.x first tries
 * {@code /api/servers/queryWithWeight}) is 404. The session's HTTP port (9603) will serve this later.
 */
public final class DiscoveryEndpoint implements AutoCloseable {

    private final HttpServer server;

    public DiscoveryEndpoint(int sessionPort) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body;
            int status;
            if ("/api/servers/query".equals(exchange.getRequestURI().getPath())) {
                status = 200;
                body = ("127.0.0.1:" + sessionPort).getBytes(StandardCharsets.UTF_8);
            } else {
                status = 404;
                body = "not found".getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
