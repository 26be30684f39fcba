package io.weft.console.registry.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weft.api.auth.Permissions;
import io.weft.console.registry.feed.HttpCalls;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a service's override datum through the meta group (REG-66): {@code POST /persistentData/put} with
 * {@code {"dataId","group":"SOFA.CONFIG","instanceId","version","data"}}, or {@code /persistentData/remove}
 * when no rule is left. The meta servers are tried in order: any member takes the write (a follower hands it to
 * the leader); one that answers 503 (no leader it can reach, or an older Weft whose followers refused writes) or
 * cannot be reached is skipped for the next.
 *
 * <p>Each call carries the {@link MetaLogin} configured for the page, which a meta on another host requires
 * (its access guard allows plain calls from its own host only). A meta refusing the caller (401, 403, 429) is
 * not a passing fault: the write stops there with a message saying what to configure, also logged.
 * Thread-safe.
 */
public final class MetaPersistentData {

    /** Where the page's settings are, for the messages an operator reads. */
    static final String CONFIGURATION = "the registry page's configuration (PID io.weft.console.registry)";

    private static final Logger LOG = LoggerFactory.getLogger(MetaPersistentData.class);
    /** The meta's answers are a small JSON object. */
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final HttpCalls http;
    private final List<String> metas;
    private final MetaLogin login;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param metas the meta servers' ops HTTP, {@code host:9615} each
     * @param login who the page is to the meta servers, {@link MetaLogin#none()} for nobody
     */
    public MetaPersistentData(HttpCalls http, List<String> metas, MetaLogin login) {
        if (metas.isEmpty()) {
            throw new IllegalArgumentException("no meta server configured");
        }
        this.http = http;
        this.metas = List.copyOf(metas);
        this.login = login;
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
                response = http.postJson(uri, json, login.authorization().orElse(null), MAX_ANSWER_BYTES);
            } catch (IOException e) {
                failures.add(meta + " unreachable (" + e + ")");
                continue;
            }
            if (response.status() == 503) {
                failures.add(meta + " answered 503 (no leader reachable from it)");
                continue;
            }
            String text = new String(response.body(), StandardCharsets.UTF_8);
            JsonNode answer = parse(text);
            if (response.status() == 200 && answer.path("success").asBoolean(false)) {
                return;
            }
            if (response.status() == 401 || response.status() == 403 || response.status() == 429) {
                String message = "meta " + meta + " refused the console's write of " + path + " ("
                        + response.status() + ": " + answer.path("message").asText(text) + "). "
                        + whatToConfigure(response.status());
                LOG.warn("Governance write refused: {}", message);
                throw new GovernanceException(message);
            }
            throw new GovernanceException("meta " + meta + " refused " + path + " (" + response.status() + "): "
                    + answer.path("message").asText(text));
        }
        throw new GovernanceException("no meta server took " + path + ": " + String.join("; ", failures));
    }

    /** What the operator changes so the meta lets the page in. */
    private String whatToConfigure(int status) {
        String permission = Permissions.REGISTRY_PERSISTENT_DATA_WRITE;
        if (status == 429) {
            return "Too many failed logins of metaUser '" + login.user() + "' there: check metaPassword in "
                    + CONFIGURATION + ", then wait for the lockout to end.";
        }
        if (!login.present()) {
            return "The meta allows writes without login only from its own host: set metaUser and metaPassword in "
                    + CONFIGURATION + " to a console user of the meta's node holding " + permission + ".";
        }
        if (status == 401) {
            return "Check metaUser ('" + login.user() + "') and metaPassword in " + CONFIGURATION
                    + ": they must be a console user of the meta's node holding " + permission + ".";
        }
        return "metaUser '" + login.user() + "' of " + CONFIGURATION + " must hold " + permission
                + " on the meta's node, and that node must run the console's user check (intelliproxy) to"
                + " accept logins from other hosts.";
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
