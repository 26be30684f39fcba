package io.weft.registry.session.ops;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /digest/data/count} (OPS-4, REG-81, REG-83): the publishers, subscribers and watchers
 * (configurators) registered on this session, {@code {"pub":2,"sub":5,"watcher":1}}, for the before/after
 * comparison of a release.
 */
public final class DataCountServlet extends HttpServlet {

    public static final String PATH = "/digest/data/count";

    private static final long serialVersionUID = 1L;

    private final transient SessionView session;
    private final transient OpsJson out;

    public DataCountServlet(SessionView session, OpsJson out) {
        this.session = session;
        this.out = out;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (QueryParameters.refused(req, resp, out)) {
            return;
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("pub", session.publishers());
        counts.put("sub", session.subscribers());
        counts.put("watcher", session.watchers());
        out.json(resp, 200, counts);
    }
}
