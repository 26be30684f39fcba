package io.weft.registry.meta.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /health/readiness} on the meta's own readiness port (8080 in the role, OPS-3, OPS-4: "health and
 * election; one node must be leader"), for load balancers and orchestrators that probe by status code:
 * <ul>
 *   <li>200 {@code {"status":"UP","raftStatus":"Leader","leader":"10.0.0.1:9612"}}: the servers started and
 *       the group has a leader, this member or another;</li>
 *   <li>503 {@code {"status":"DOWN","raftStatus":"Candidate","leader":null,"reason":"..."}} otherwise.</li>
 * </ul>
 * Read-only and without login, as a probe is; it names no secret, only the role and the leader's raft
 * address, which {@code /health/check} on 9615 shows too. Answers from memory; never cached.
 */
public final class ReadinessServlet extends HttpServlet {

    /** Where the servlet is registered on its HTTP instance. */
    public static final String PATH = "/health/readiness";

    private static final long serialVersionUID = 1L;

    private final transient Supplier<Readiness> readiness;
    private final transient OpsResponses responses = new OpsResponses();

    public ReadinessServlet(Supplier<Readiness> readiness) {
        this.readiness = Objects.requireNonNull(readiness, "readiness");
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Readiness r = readiness.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", r.ready() ? "UP" : "DOWN");
        body.put("raftStatus", r.raftStatus());
        body.put("leader", r.leader());
        if (!r.ready()) {
            body.put("reason", r.reason());
        }
        resp.setHeader("Cache-Control", "no-store");
        responses.json(resp, r.ready() ? 200 : 503, body);
    }
}
