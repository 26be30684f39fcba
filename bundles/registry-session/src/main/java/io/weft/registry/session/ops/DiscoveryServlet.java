package io.weft.registry.session.ops;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Session discovery (RCP-10, RCP-16): {@code GET /api/servers/query} and {@code /api/servers/queryWithWeight}
 * answer in plain text the session Bolt endpoints as {@code ip:port[;ip:port...]}; the client splits on
 * {@code ;} after either path. A standalone node answers its own advertised endpoint only; a session in a
 * cluster answers every session the meta servers know, itself included, so clients spread over them. The
 * query's {@code zone}, {@code dataCenter}, {@code appName}, {@code instanceId}, {@code env} (possibly the
 * literal {@code null}) are checked but select nothing. While this node's client port is not listening the
 * answer is 503, so the client tries again later instead of dialling a dead port.
 */
public final class DiscoveryServlet extends HttpServlet {

    public static final String QUERY = "/api/servers/query";
    public static final String QUERY_WITH_WEIGHT = "/api/servers/queryWithWeight";

    private static final long serialVersionUID = 1L;

    private final transient SessionView session;
    private final transient OpsJson out;

    public DiscoveryServlet(SessionView session, OpsJson out) {
        this.session = session;
        this.out = out;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (QueryParameters.refused(req, resp, out)) {
            return;
        }
        if (session.boltEndpoint().isEmpty()) {
            out.text(resp, 503, "");
            return;
        }
        out.text(resp, 200, String.join(";", session.sessionEndpoints()));
    }
}
