package io.weft.registry.meta.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.weft.registry.meta.raft.MetaRaftNode;
import io.weft.registry.meta.state.MetaState;
import io.weft.registry.meta.state.NodeRecord;
import io.weft.registry.meta.state.PushSwitch;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /digest/pushSwitch}, {@code /digest/meta/node/query}, {@code /digest/data/node/query} and
 * {@code /digest/session/node/query} (REG-49, REG-62). The seed shows no body: Weft answers
 * {@code {"stopPushDataSwitch":true|false}} for the switch, a JSON array of addresses for the meta list and
 * an object address → {@code {dataCenter, lastRenewalMillis}} for the data and session lists. Reads this
 * member's applied state, which may lag the leader briefly.
 */
public final class DigestServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient MetaRaftNode raft;
    private final transient OpsResponses responses;

    DigestServlet(MetaRaftNode raft, OpsResponses responses) {
        this.raft = raft;
        this.responses = responses;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        MetaState state = raft.state();
        switch (path) {
            case "/pushSwitch" -> responses.json(resp, 200,
                    Map.of("stopPushDataSwitch", state.pushSwitch() == PushSwitch.CLOSED));
            case "/meta/node/query" -> responses.json(resp, 200, List.copyOf(raft.peers()));
            case "/data/node/query" -> responses.json(resp, 200, nodes(state.dataNodes()));
            case "/session/node/query" -> responses.json(resp, 200, nodes(state.sessionNodes()));
            default -> responses.notFound(req, resp);
        }
    }

    private static Map<String, Object> nodes(Map<String, NodeRecord> nodes) {
        Map<String, Object> out = new LinkedHashMap<>();
        nodes.forEach((address, node) -> out.put(address,
                Map.of("dataCenter", node.dataCenter(), "lastRenewalMillis", node.lastRenewalMillis())));
        return out;
    }
}
