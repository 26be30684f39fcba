package io.weft.registry.meta.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import io.weft.api.auth.AccessGuard;
import io.weft.registry.meta.raft.MetaRaftNode;
import jakarta.servlet.http.HttpServlet;

/**
 * The meta server's ops endpoints (ops.md, port 9615) by servlet path pattern, ready to be registered with
 * an HTTP whiteboard or a servlet container. Each servlet reads {@code getPathInfo()} below its pattern.
 */
public final class MetaOpsServlets {

    private MetaOpsServlets() {
    }

    /**
     * @param servers the listeners other than HTTP and Raft by the seed's health names (see
     *                {@link HealthCheckServlet}); an empty map until those servers exist
     * @param guard   the node's current access guard for the endpoints that change the group, null while
     *                there is none ({@link OpsGuard} says what is allowed then)
     */
    public static Map<String, HttpServlet> create(MetaRaftNode raft, Supplier<Map<String, Boolean>> servers,
            Supplier<AccessGuard> guard) {
        Objects.requireNonNull(raft, "raft");
        Objects.requireNonNull(servers, "servers");
        OpsResponses responses = new OpsResponses();
        OpsGuard opsGuard = new OpsGuard(guard, responses);
        Map<String, HttpServlet> servlets = new LinkedHashMap<>();
        servlets.put("/health/check", new HealthCheckServlet(raft, servers, responses));
        servlets.put("/manage/*", new PeerServlet(raft, opsGuard, responses));
        servlets.put("/persistentData/*", new PersistentDataServlet(raft, opsGuard, responses));
        servlets.put("/stopPushDataSwitch/*", new PushSwitchServlet(raft, opsGuard, responses));
        servlets.put("/digest/*", new DigestServlet(raft, responses));
        return servlets;
    }
}
