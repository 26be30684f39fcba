package io.weft.registry.meta.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.weft.registry.meta.raft.MetaRaftNode;
import io.weft.registry.meta.raft.RaftRole;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /health/check} (REG-42, OPS-5): the seed's one-line message, ending in
 * {@code raftStatus:Leader} or {@code raftStatus:Follower}. Healthy means every listed server started and
 * this member is leader, or follower of a leader it knows; an unhealthy member answers 503 with the same
 * shape, so probes that read only the status code work too.
 */
public final class HealthCheckServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient MetaRaftNode raft;
    private final transient Supplier<Map<String, Boolean>> servers;
    private final transient OpsResponses responses;

    /**
     * @param servers the other listeners' state by the seed's names ({@code sessionRegisterServer},
     *                {@code dataRegisterServerStart}, {@code otherMetaRegisterServerStart}), in that order
     */
    HealthCheckServlet(MetaRaftNode raft, Supplier<Map<String, Boolean>> servers, OpsResponses responses) {
        this.raft = raft;
        this.servers = servers;
        this.responses = responses;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        RaftRole role = raft.role();
        boolean raftUp = role != RaftRole.INACTIVE;
        Map<String, Boolean> flags = new LinkedHashMap<>(servers.get());
        flags.put("httpServerStart", true);
        flags.put("raftServerStart", raftUp);
        flags.put("raftClientStart", raftUp);
        flags.put("raftManagerStart", raftUp);
        StringBuilder message = new StringBuilder("MetaServerBoot ");
        flags.forEach((name, up) -> message.append(name).append(':').append(up).append(", "));
        message.append("raftStatus:").append(role.label());
        // A follower that knows no leader is in a failed election (REG-43): not healthy, though the seed's line
        // still says raftStatus:Follower.
        boolean healthy = flags.values().stream().allMatch(Boolean::booleanValue) && raft.inGroupWithLeader();
        responses.result(resp, healthy ? 200 : 503, healthy, message.toString());
    }
}
