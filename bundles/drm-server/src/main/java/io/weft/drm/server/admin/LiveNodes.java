package io.weft.drm.server.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import io.weft.api.drm.DrmNode;
import io.weft.drm.server.store.NodeRow;

/** Which drmdata nodes are live, by their liveness rows, and in which order the console asks them. */
final class LiveNodes {

    private LiveNodes() {
    }

    static boolean live(NodeRow node, long nowMillis, Duration window) {
        return nowMillis - node.lastSeenMillis() <= window.toMillis();
    }

    static List<NodeRow> live(List<NodeRow> nodes, long nowMillis, Duration window) {
        return nodes.stream().filter(n -> live(n, nowMillis, window)).toList();
    }

    /**
     * DRM-6 step 2: the nodes of {@code dataCenter} in random order (so consoles spread their announcements),
     * then the nodes of the other data centers in random order, to fall back on.
     */
    static List<NodeRow> announceOrder(List<NodeRow> live, String dataCenter, Random random) {
        List<NodeRow> own = new ArrayList<>();
        List<NodeRow> others = new ArrayList<>();
        for (NodeRow n : live) {
            (dataCenter.equals(n.dataCenter()) ? own : others).add(n);
        }
        Collections.shuffle(own, random);
        Collections.shuffle(others, random);
        own.addAll(others);
        return own;
    }

    /** The rows as the console lists them: live ones first, then by data center and id. */
    static List<DrmNode> view(List<NodeRow> nodes, long nowMillis, Duration window) {
        return nodes.stream()
                .map(n -> new DrmNode(n.nodeId(), n.host(), n.clientPort(), n.syncPort(), n.pullUrl(), n.dataCenter(),
                        n.zone(), Instant.ofEpochMilli(n.lastSeenMillis()), live(n, nowMillis, window),
                        n.connections()))
                .sorted(Comparator.comparing((DrmNode n) -> !n.live()).thenComparing(DrmNode::dataCenter)
                        .thenComparing(DrmNode::nodeId))
                .toList();
    }
}
