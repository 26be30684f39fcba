package io.weft.console.drm;

import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.List;

import io.weft.api.drm.DrmNode;

/**
 * The drmdata nodes of the cluster (table {@code nodes}), live ones first: where clients can connect,
 * and which nodes the console's announcements reach. Rows carry {@code data-node} and class
 * {@code live} or {@code down}.
 */
final class NodesView {

    void render(List<DrmNode> nodes, Writer out) throws IOException {
        out.write("<div id=\"drm-nodes\">\n<h2>drmdata nodes</h2>\n");
        if (nodes.isEmpty()) {
            out.write("<p class=\"warning\">No drmdata node has registered in the database: pushes are stored,"
                    + " and nodes pick them up when they start.</p>\n</div>\n");
            return;
        }
        long live = nodes.stream().filter(DrmNode::live).count();
        out.write("<p>" + live + " of " + nodes.size() + " live</p>\n");
        out.write("<table id=\"nodes\" class=\"nicetable\">\n<thead><tr><th>Node</th><th>State</th><th>Data center</th>"
                + "<th>Zone</th><th>Host</th><th>Client port</th><th>Sync port</th><th>Pull URL</th>"
                + "<th>Connections</th><th>Last seen</th></tr></thead>\n<tbody>\n");
        // The admin already lists live nodes first; a stable sort keeps its order within each group.
        List<DrmNode> ordered = nodes.stream().sorted(Comparator.comparing(n -> !n.live())).toList();
        for (DrmNode n : ordered) {
            String state = n.live() ? "live" : "down";
            out.write("<tr class=\"" + state + "\" data-node=\"" + Html.escape(n.nodeId()) + "\"><td>"
                    + Html.escape(n.nodeId()) + "</td><td>" + state + "</td><td>" + Html.escape(n.dataCenter())
                    + "</td><td>" + Html.escape(n.zone()) + "</td><td>" + Html.escape(n.host()) + "</td><td>"
                    + n.clientPort() + "</td><td>" + n.syncPort() + "</td><td>" + Html.escape(n.pullUrl())
                    + "</td><td>" + n.connections() + "</td><td>" + Html.time(n.lastSeen()) + "</td></tr>\n");
        }
        out.write("</tbody>\n</table>\n</div>\n");
    }
}
