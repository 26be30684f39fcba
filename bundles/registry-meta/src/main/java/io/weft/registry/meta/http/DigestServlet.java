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
 * an object address → {@code {dataCenter, lastRenewalMillis}} for the data and session lists.
 *
 * <p>The switch and the two lists are read linearizably ({@link MetaRaftNode#readCommitted()}, JRaft's ReadIndex):
 * a member answers only once it has applied everything the group committed before the request, so a member
 * just restarted in the release walk (REG-80, REG-82) never shows the switch it had before. When the group cannot
 * confirm its state within a few seconds (no leader, no majority) the answer is 503 with this member's own last
 * applied state in the same shape, and for the switch {@code "consistent":false} and a {@code message}: the value
 * may be stale, and an operator checks again once the group has a leader. The meta list is this member's view of
 * the membership.
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
        switch (path) {
            case "/pushSwitch" -> pushSwitch(resp);
            case "/meta/node/query" -> responses.json(resp, 200, List.copyOf(raft.peers()));
            case "/data/node/query" -> {
                OpsResponses.Outcome<MetaState> read = responses.await(raft.readCommitted());
                responses.json(resp, read.ok() ? 200 : 503, nodes(stateOf(read).dataNodes()));
            }
            case "/session/node/query" -> {
                OpsResponses.Outcome<MetaState> read = responses.await(raft.readCommitted());
                responses.json(resp, read.ok() ? 200 : 503, nodes(stateOf(read).sessionNodes()));
            }
            default -> responses.notFound(req, resp);
        }
    }

    private void pushSwitch(HttpServletResponse resp) throws IOException {
        OpsResponses.Outcome<MetaState> read = responses.await(raft.readCommitted());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stopPushDataSwitch", stateOf(read).pushSwitch() == PushSwitch.CLOSED);
        if (!read.ok()) {
            body.put("consistent", false);
            body.put("message", "this member's own last applied state, which the group could not confirm: "
                    + read.failure().message());
        }
        responses.json(resp, read.ok() ? 200 : 503, body);
    }

    /** The confirmed state, or this member's own when the group could not confirm it. */
    private MetaState stateOf(OpsResponses.Outcome<MetaState> read) {
        return read.ok() ? read.value() : raft.state();
    }

    private static Map<String, Object> nodes(Map<String, NodeRecord> nodes) {
        Map<String, Object> out = new LinkedHashMap<>();
        nodes.forEach((address, node) -> out.put(address,
                Map.of("dataCenter", node.dataCenter(), "lastRenewalMillis", node.lastRenewalMillis())));
        return out;
    }
}
