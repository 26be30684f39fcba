package io.weft.registry.meta.http;

import java.io.IOException;
import java.util.List;

import io.weft.api.auth.Permissions;
import io.weft.registry.meta.raft.MetaRaftNode;
import io.weft.registry.meta.raft.PeerAddresses;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /manage/queryPeer} (REG-44) and {@code POST /manage/changePeer} (REG-45). The seed lists and
 * takes plain IPs, every member on the same raft port; when members use other ports (several on one host)
 * they are listed and accepted as {@code host:port}. A change needs {@link Permissions#REGISTRY_PEER_WRITE}
 * ({@link OpsGuard}); an entry that is no address is answered 400 naming it; a follower answers 503 naming
 * the leader.
 */
public final class PeerServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient MetaRaftNode raft;
    private final transient OpsGuard guard;
    private final transient OpsResponses responses;

    PeerServlet(MetaRaftNode raft, OpsGuard guard, OpsResponses responses) {
        this.raft = raft;
        this.guard = guard;
        this.responses = responses;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!"/queryPeer".equals(req.getPathInfo())) {
            responses.notFound(req, resp);
            return;
        }
        List<String> peers = raft.peers();
        String ownPort = ":" + raft.port();
        boolean samePort = peers.stream().allMatch(p -> p.endsWith(ownPort));
        responses.json(resp, 200, samePort
                ? peers.stream().map(p -> p.substring(0, p.length() - ownPort.length())).toList()
                : peers);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!"/changePeer".equals(req.getPathInfo())) {
            responses.notFound(req, resp);
            return;
        }
        if (!guard.permits(req, resp, Permissions.REGISTRY_PEER_WRITE)) {
            return;
        }
        String list = req.getParameter("ipAddressList");
        List<String> peers;
        try {
            peers = PeerAddresses.parse(list, raft.port());
        } catch (IllegalArgumentException e) {
            responses.result(resp, 400, false, "ipAddressList: " + e.getMessage());
            return;
        }
        if (peers.isEmpty()) {
            responses.result(resp, 400, false,
                    "form field ipAddressList is required: the comma-separated IPs of every meta server");
            return;
        }
        OpsResponses.Outcome<Void> outcome;
        try {
            outcome = responses.await(raft.changePeers(peers));
        } catch (IllegalArgumentException e) {
            // What JRaft's own parser refuses beyond PeerAddresses' checks.
            responses.result(resp, 400, false, "ipAddressList: " + e.getMessage());
            return;
        }
        if (outcome.ok()) {
            responses.result(resp, 200, true, null);
        } else {
            responses.failure(resp, outcome.failure());
        }
    }
}
