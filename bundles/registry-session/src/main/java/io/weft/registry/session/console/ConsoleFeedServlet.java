package io.weft.registry.session.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session's console port (9601, REG-91, decision record 0022): {@code GET /console/snapshot} answers
 * this session's publishers and subscribers as one {@link ConsoleSnapshot} in JSON, and writes the
 * interaction with its Pub and Sub counts to {@code registry-console.log}.
 *
 * <p>Registered for every path of its own HTTP instance, so that anything else a caller sends (another
 * path, another method, a query parameter) gets a JSON answer saying what is wrong, and the port keeps
 * serving. Thread-safe: the snapshot is built per request from the session's thread-safe tables.
 */
public final class ConsoleFeedServlet extends HttpServlet {

    public static final String PATH = "/console/snapshot";

    private static final long serialVersionUID = 1L;
    private static final Logger CONSOLE_LOG = LoggerFactory.getLogger("registry.console");

    private final transient Supplier<ConsoleSnapshot> snapshots;
    private final transient ObjectMapper mapper = new ObjectMapper();

    public ConsoleFeedServlet(Supplier<ConsoleSnapshot> snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = nonNull(req.getServletPath()) + nonNull(req.getPathInfo());
        if (!PATH.equals(path)) {
            refuse(req, resp, 404, "no such path; the console feed answers GET " + PATH);
            return;
        }
        if (!"GET".equals(req.getMethod())) {
            resp.setHeader("Allow", "GET");
            refuse(req, resp, 405, req.getMethod() + " not allowed; the console feed answers GET " + PATH);
            return;
        }
        if (req.getQueryString() != null && !req.getQueryString().isEmpty()) {
            refuse(req, resp, 400, "the snapshot takes no query parameters");
            return;
        }
        ConsoleSnapshot snapshot = snapshots.get();
        byte[] body = mapper.writeValueAsBytes(snapshot);
        CONSOLE_LOG.info("[console] snapshot to {}: sessionPub_total={}, sessionSub_total={}, {} bytes",
                req.getRemoteAddr(), snapshot.publishers().size(), snapshot.subscribers().size(), body.length);
        write(resp, 200, body);
    }

    private void refuse(HttpServletRequest req, HttpServletResponse resp, int status, String message)
            throws IOException {
        String path = nonNull(req.getServletPath()) + nonNull(req.getPathInfo());
        CONSOLE_LOG.warn("[console] refused {} {} from {}: {}", req.getMethod(), clip(path),
                req.getRemoteAddr(), message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("message", message);
        write(resp, status, mapper.writeValueAsBytes(body));
    }

    private static void write(HttpServletResponse resp, int status, byte[] body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** A caller's text in our log: printable and short. */
    private static String clip(String s) {
        String printable = String.valueOf(s).replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 80 ? printable : printable.substring(0, 80) + "...";
    }
}
