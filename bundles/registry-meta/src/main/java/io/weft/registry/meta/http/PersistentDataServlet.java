package io.weft.registry.meta.http;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.weft.api.auth.Permissions;
import io.weft.registry.meta.command.MetaCommand;
import io.weft.registry.meta.command.PutPersistentData;
import io.weft.registry.meta.command.RemovePersistentData;
import io.weft.registry.meta.raft.AppliedCommand;
import io.weft.registry.meta.raft.MetaRaftNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /persistentData/put} and {@code /persistentData/remove} (REG-66, RCP-20). The body is
 * {@code {"dataId","group","instanceId","version","data"}}; {@code version} may be a number or, as the
 * seed's import script writes it, a string of digits. A version not higher than the stored one is
 * answered {@code success:false} with the reason; a body that is not such an object is answered 400 saying
 * what is wrong. Both need {@link Permissions#REGISTRY_PERSISTENT_DATA_WRITE} ({@link OpsGuard}). Any member
 * takes them: a follower forwards the command to the leader and answers what the leader did.
 */
public final class PersistentDataServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Bodies are one small override set; anything larger is refused before parsing. */
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final transient MetaRaftNode raft;
    private final transient OpsGuard guard;
    private final transient OpsResponses responses;

    PersistentDataServlet(MetaRaftNode raft, OpsGuard guard, OpsResponses responses) {
        this.raft = raft;
        this.guard = guard;
        this.responses = responses;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String action = req.getPathInfo();
        if (!"/put".equals(action) && !"/remove".equals(action)) {
            responses.notFound(req, resp);
            return;
        }
        if (!guard.permits(req, resp, Permissions.REGISTRY_PERSISTENT_DATA_WRITE)) {
            return;
        }
        byte[] body = req.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            responses.result(resp, 413, false, "body larger than " + MAX_BODY_BYTES + " bytes");
            return;
        }
        MetaCommand command;
        try {
            JsonNode json = responses.mapper().readTree(body);
            if (json == null || !json.isObject()) {
                throw new IllegalArgumentException("body must be a JSON object");
            }
            command = "/put".equals(action)
                    ? new PutPersistentData(text(json, "dataId"), text(json, "group"), text(json, "instanceId"),
                            version(json), text(json, "data"))
                    : new RemovePersistentData(text(json, "dataId"), text(json, "group"), text(json, "instanceId"));
        } catch (JsonProcessingException e) {
            responses.result(resp, 400, false, "body is not JSON: " + e.getOriginalMessage());
            return;
        } catch (IllegalArgumentException e) {
            responses.result(resp, 400, false, e.getMessage());
            return;
        }
        OpsResponses.Outcome<AppliedCommand> outcome = responses.await(raft.submit(command));
        if (outcome.ok()) {
            responses.applied(resp, outcome.value());
        } else {
            responses.failure(resp, outcome.failure());
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value != null && value.isContainerNode()) {
            throw new IllegalArgumentException(field + " must be a string, not " + value.getNodeType().name().toLowerCase());
        }
        return value == null || value.isNull() ? null : value.asText();
    }

    private static long version(JsonNode json) {
        JsonNode value = json.get("version");
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("version is required");
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        try {
            return Long.parseLong(value.asText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("version must be a whole number: " + value.asText());
        }
    }
}
