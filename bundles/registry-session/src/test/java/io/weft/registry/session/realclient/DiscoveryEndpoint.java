package io.weft.registry.session.realclient;

import io.weft.registry.session.ops.DiscoveryServlet;
import io.weft.registry.session.ops.FakeSessionView;
import io.weft.registry.session.ops.OpsJson;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * The session discovery the client asks before it connects (RCP-10, RCP-16): the node's own
 * {@link DiscoveryServlet} in a plain Jetty on a free loopback port, answering {@code 127.0.0.1:<session port>}
 * at {@code /api/servers/queryWithWeight} (which 6.5.x asks first) and {@code /api/servers/query}.
 */
public final class DiscoveryEndpoint implements AutoCloseable {

    private final Server jetty = new Server(new InetSocketAddress("127.0.0.1", 0));

    public DiscoveryEndpoint(int sessionPort) throws Exception {
        this(sessionPort, List.of());
    }

    /** Answers the first session and the others, as a session of a cluster does. */
    public DiscoveryEndpoint(int sessionPort, List<Integer> otherSessionPorts) throws Exception {
        FakeSessionView session = new FakeSessionView();
        session.endpoint = "127.0.0.1:" + sessionPort;
        if (!otherSessionPorts.isEmpty()) {
            List<String> all = new ArrayList<>(List.of(session.endpoint));
            otherSessionPorts.forEach(other -> all.add("127.0.0.1:" + other));
            session.sessionEndpoints = List.copyOf(all);
        }
        ServletContextHandler context = new ServletContextHandler();
        ServletHolder holder = new ServletHolder(new DiscoveryServlet(session, new OpsJson()));
        context.addServlet(holder, DiscoveryServlet.QUERY);
        context.addServlet(holder, DiscoveryServlet.QUERY_WITH_WEIGHT);
        jetty.setHandler(context);
        jetty.start();
    }

    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the discovery endpoint", e);
        }
    }
}
