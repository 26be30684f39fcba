package io.weft.itest.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
