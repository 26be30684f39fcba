package io.weft.registry.data.ops;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /health/check} (OPS-4):
 * {@code {"success":true,"message":"DataServerBoot sessionServer:true, dataSyncServer:true, ... status:WORK, ..."}},
 * or 503 with {@code success:false} while a port is down or the server does not work yet, so a probe reading only
 * the status code drops the node too.
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
