package io.weft.console.registry.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weft.console.registry.feed.HttpCalls;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a service's override datum on the meta leader (REG-66): {@code POST /persistentData/put} with
 * {@code {"dataId","group":"SOFA.CONFIG","instanceId","version","data"}}, or {@code /persistentData/remove}
 * when no rule is left. The meta servers are tried in order; a follower answers 503 and the next one is
 * tried, so the leader is found without knowing it. Thread-safe.
 */
public final class MetaPersistentData {

    /** The meta's answers are a small JSON object. */
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final HttpCalls http;
    private final List<String> metas;
    private final ObjectMapper mapper = new ObjectMapper();

    /** @param metas the meta servers' ops HTTP, {@code host:9615} each */
    public MetaPersistentData(HttpCalls http, List<String> metas) {
        if (metas.isEmpty()) {
            throw new IllegalArgumentException("no meta server configured");
        }
        this.http = http;
        this.metas = List.copyOf(metas);
    }

    public void put(String instanceId, String dataId, long version, String data)
            throws GovernanceException {
        Map<String, Object> body = key(instanceId, dataId);
        body.put("version", Long.toString(version));
        body.put("data", data);
        post("/persistentData/put", body);
    }

    public void remove(String instanceId, String dataId) throws GovernanceException {
        post("/persistentData/remove", key(instanceId, dataId));
    }

    private static Map<String, Object> key(String instanceId, String dataId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dataId", dataId);
        body.put("group", ProviderRule.GROUP);
        body.put("instanceId", instanceId);
        return body;
    }

    private void post(String path, Map<String, Object> body) throws GovernanceException {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new GovernanceException("cannot write the request: " + e.getMessage(), e);
        }
        List<String> failures = new ArrayList<>();
        for (String meta : metas) {
            URI uri = URI.create("http://" + meta + path);
            HttpCalls.Answer response;
            try {
                response = http.postJson(uri, json, MAX_ANSWER_BYTES);
            } catch (IOException e) {
                failures.add(meta + " unreachable (" + e + ")");
                continue;
            }
            if (response.status() == 503) {
                failures.add(meta + " is not the leader");
                continue;
            }
            String text = new String(response.body(), StandardCharsets.UTF_8);
            JsonNode answer = parse(text);
            if (response.status() == 200 && answer.path("success").asBoolean(false)) {
                return;
            }
            throw new GovernanceException("meta " + meta + " refused " + path + " (" + response.status() + "): "
                    + answer.path("message").asText(text));
        }
        throw new GovernanceException("no meta server took " + path + ": " + String.join("; ", failures));
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = mapper.readTree(body);
            return node == null ? mapper.createObjectNode() : node;
        } catch (IOException e) {
            return mapper.createObjectNode();
        }
    }
}
