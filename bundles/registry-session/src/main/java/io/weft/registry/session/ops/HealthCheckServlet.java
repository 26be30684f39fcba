package io.weft.registry.session.ops;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /health/check} (OPS-4): {@code {"success":true,"message":"SessionServer boltServer:true ..."}},
 * or 503 with {@code success:false} while the client port is down, so a load balancer's check drops the node.
 */
public final class HealthCheckServlet extends HttpServlet {

    public static final String PATH = "/health/check";

    private static final long serialVersionUID = 1L;

    private final transient HealthCheck health;
    private final transient OpsJson out;

    public HealthCheckServlet(HealthCheck health, OpsJson out) {
        this.health = health;
        this.out = out;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        HealthCheck.Result result = health.check();
        out.json(resp, result.success() ? 200 : 503, OpsJson.result(result.success(), result.message()));
    }
}
