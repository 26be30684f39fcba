package io.weft.registry.session.ops;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/** A plain Jetty on a free loopback port serving servlets at their paths, and an HTTP client for it. */
final class OpsHttp implements AutoCloseable {

    private final Server jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
    private final ServletContextHandler context = new ServletContextHandler();
    private final HttpClient client = HttpClient.newHttpClient();

    OpsHttp serve(jakarta.servlet.Servlet servlet, String... paths) {
        ServletHolder holder = new ServletHolder(servlet);
        for (String path : paths) {
            context.addServlet(holder, path);
        }
        return this;
    }

    OpsHttp start() throws Exception {
        jetty.setHandler(context);
        jetty.start();
        return this;
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String pathAndQuery, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort()
                + pathAndQuery);
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }
}
