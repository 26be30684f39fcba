package io.weft.registry.session.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the ops endpoints' answers: JSON bodies, plain text, and the 400 of a bad request. */
public final class OpsJson {

    private final ObjectMapper mapper = new ObjectMapper();

    void json(HttpServletResponse resp, int status, Object body) throws IOException {
        write(resp, status, "application/json", mapper.writeValueAsBytes(body));
    }

    void text(HttpServletResponse resp, int status, String body) throws IOException {
        write(resp, status, "text/plain", body.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code {"success":false,"message":...}} with {@code status}. */
    void failure(HttpServletResponse resp, int status, String message) throws IOException {
        json(resp, status, result(false, message));
    }

    static Map<String, Object> result(boolean success, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", success);
        body.put("message", message);
        return body;
    }

    private static void write(HttpServletResponse resp, int status, String type, byte[] body) throws IOException {
        resp.setStatus(status);
        resp.setContentType(type);
        resp.setCharacterEncoding("UTF-8");
        // Operators and clients poll these; a cache in between would show a stale state.
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
