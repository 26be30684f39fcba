package io.weft.registry.session.ops;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /connections/query} (OPS-4, REG-81): the clients connected to this session's client port, a
 * JSON array of their {@code ip:port}, sorted, e.g. {@code ["127.0.0.1:51324","10.0.0.7:40112"]}.
 */
public final class ConnectionsServlet extends HttpServlet {

    public static final String PATH = "/connections/query";

    private static final long serialVersionUID = 1L;

    private final transient SessionView session;
    private final transient OpsJson out;

    public ConnectionsServlet(SessionView session, OpsJson out) {
        this.session = session;
        this.out = out;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (QueryParameters.refused(req, resp, out)) {
            return;
        }
        List<String> connections = new ArrayList<>(session.connections());
        connections.sort(null);
        out.json(resp, 200, connections);
    }
}
