package io.weft.registry.data.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the ops endpoints' JSON answers. Thread-safe. */
public final class OpsJson {

    private final ObjectMapper mapper = new ObjectMapper();

    void json(HttpServletResponse resp, int status, Object body) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(body);
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        // Operators and probes poll these; a cache in between would show a stale state.
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    /** The seed's {@code {"success":…,"message":…}}. */
    static Map<String, Object> result(boolean success, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", success);
        body.put("message", message);
        return body;
    }
}
