package io.weft.itest.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/** What the multi-process registry tests do with their nodes: start a group at once, reach their ops ports. */
public final class RegistryNodes {

    private RegistryNodes() {
    }

    /**
     * Starts the nodes at once (each {@code bin/weft start} waits for its node to be healthy, and a member of a
     * three-member meta group is only healthy once the group has elected a leader).
     */
    public static void startTogether(List<WeftNode> group) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(group.size());
        try {
            List<Future<WeftNode>> starts = new ArrayList<>();
            for (WeftNode node : group) {
                starts.add(pool.submit(node::start));
            }
            for (Future<WeftNode> start : starts) {
                start.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Forms a cluster as {@code bin/registry-cluster} does: {@code metas} one raft group (evicting a silent server
     * after 6 s), {@code datas} and {@code sessions} joined to it. The metas start together first (a member is only
     * healthy once the group has a leader), then the data servers and sessions together.
     *
     * @param dataSettings added to each data server's configuration, e.g. a shorter {@code leaseMillis}
     */
    public static void formCluster(List<WeftNode> metas, List<WeftNode> datas, List<WeftNode> sessions,
            Map<String, String> dataSettings) throws Exception {
        String peers = addresses(metas, WeftNode.RegistryPorts::metaRaft);
        for (WeftNode meta : metas) {
            meta.roles("registry-meta");
            meta.configure("io.weft.registry.meta", Map.of("peers", peers, "nodeTimeoutMillis", "6000"));
        }
        startTogether(metas);
        Map<String, String> data = new HashMap<>(dataSettings);
        data.put("metaServers", addresses(metas, WeftNode.RegistryPorts::metaData));
        for (WeftNode server : datas) {
            server.roles("registry-data");
            server.configure("io.weft.registry.data", data);
        }
        for (WeftNode session : sessions) {
            session.roles("registry-session");
            session.configure("io.weft.registry.session",
                    Map.of("metaServers", addresses(metas, WeftNode.RegistryPorts::metaSession)));
        }
        List<WeftNode> servers = new ArrayList<>(datas);
        servers.addAll(sessions);
        startTogether(servers);
    }

    /** {@code 127.0.0.1:port,...} of one port of each node: a meta group's {@code peers}, or its servers'. */
    public static String addresses(List<WeftNode> nodes, ToIntFunction<WeftNode.RegistryPorts> port) {
        return nodes.stream().map(n -> "127.0.0.1:" + port.applyAsInt(n.registryPorts()))
                .collect(Collectors.joining(","));
    }

    /** A meta's ops HTTP (9615 in the seed). */
    public static Http metaOps(WeftNode meta) {
        return ops(meta.registryPorts().metaHttp());
    }

    /** A session's ops HTTP and discovery (9603). */
    public static Http sessionOps(WeftNode session) {
        return ops(session.registryPorts().sessionHttp());
    }

    /** A data server's ops HTTP (9622). */
    public static Http dataOps(WeftNode data) {
        return ops(data.registryPorts().dataHttp());
    }

    /** The live member whose {@code /health/check} says {@code raftStatus:Leader}, or null. */
    public static WeftNode leaderOf(List<WeftNode> metas) {
        for (WeftNode meta : metas) {
            try {
                if (meta.isAlive() && metaOps(meta).get("/health/check").body().contains("raftStatus:Leader")) {
                    return meta;
                }
            } catch (RuntimeException e) {
                // not answering: not the leader
            }
        }
        return null;
    }

    private static Http ops(int port) {
        return new Http("http://127.0.0.1:" + port, "admin", WeftNode.ADMIN_PASSWORD);
    }
}
