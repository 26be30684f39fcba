package io.weft.drm.server.check;

import java.io.IOException;
import java.util.Map;

import io.weft.drm.protocol.DrmJson;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /checkService} (DRM-33): {@code {"checkService":true,"database":true,"clientPort":true,"syncPort":true}};
 * any part false makes {@code checkService} false and the status 503, so {@code curl localhost:9500/checkService}
 * shows {@code false} when the node cannot serve.
 */
public final class CheckServiceServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ServiceCheck check;

    public CheckServiceServlet(ServiceCheck check) {
        this.check = check;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<String, Boolean> parts = check.parts();
        byte[] body = DrmJson.mapper().writeValueAsBytes(parts);
        resp.setStatus(parts.get("checkService") ? 200 : 503);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
