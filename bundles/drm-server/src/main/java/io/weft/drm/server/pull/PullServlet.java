package io.weft.drm.server.pull;

import java.io.IOException;

import io.weft.drm.protocol.PullProtocol;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /drm/pull}: the HTTP face of {@link PullService}. */
public final class PullServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient PullService service;

    public PullServlet(PullService service) {
        this.service = service;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        PullService.Answer a = service.pull(req.getHeader(PullProtocol.TOKEN_HEADER),
                req.getParameter(PullProtocol.INSTANCE_ID), req.getParameter(PullProtocol.KEY),
                req.getParameter(PullProtocol.VERSION), req.getParameter(PullProtocol.ZONE), req.getRemoteAddr());
        resp.setStatus(a.status());
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(a.body().length);
        resp.getOutputStream().write(a.body());
    }
}
