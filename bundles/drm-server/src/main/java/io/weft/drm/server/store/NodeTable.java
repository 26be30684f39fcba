package io.weft.drm.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

/** {@code drm_node}: one liveness row per drmdata node, written by the node itself. */
final class NodeTable {

    private static final String UPDATE = "UPDATE drm_node SET host = ?, client_port = ?, sync_port = ?, pull_url = ?,"
            + " data_center = ?, zone_name = ?, last_seen_ms = ?, connections = ? WHERE node_id = ?";
    private static final String INSERT = "INSERT INTO drm_node (host, client_port, sync_port, pull_url, data_center,"
            + " zone_name, last_seen_ms, connections, node_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;

    NodeTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Update, else insert; a node inserting its row twice at once (a restart racing itself) updates after all. */
    void heartbeat(NodeRow node) {
        Sql.Binder binder = s -> {
            s.setString(1, node.host());
            s.setInt(2, node.clientPort());
            s.setInt(3, node.syncPort());
            s.setString(4, node.pullUrl() == null ? "" : node.pullUrl());
            s.setString(5, node.dataCenter() == null ? "" : node.dataCenter());
            s.setString(6, node.zone() == null ? "" : node.zone());
            s.setLong(7, node.lastSeenMillis());
            s.setInt(8, node.connections());
            s.setString(9, node.nodeId());
        };
        try (Connection c = dataSource.getConnection()) {
            if (Sql.update(c, UPDATE, binder) > 0) {
                return;
            }
            try {
                Sql.update(c, INSERT, binder);
            } catch (SQLException e) {
                if (!Sql.duplicateKey(e)) {
                    throw e;
                }
                Sql.update(c, UPDATE, binder);
            }
        } catch (SQLException e) {
            throw Sql.unavailable("writing the liveness of drmdata node " + node.nodeId(), e);
        }
    }

    List<NodeRow> nodes() {
        try (Connection c = dataSource.getConnection()) {
            return Sql.query(c, "SELECT node_id, host, client_port, sync_port, pull_url, data_center, zone_name,"
                    + " last_seen_ms, connections FROM drm_node ORDER BY node_id", s -> { },
                    rs -> new NodeRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getLong(8), rs.getInt(9)));
        } catch (SQLException e) {
            throw Sql.unavailable("listing the drmdata nodes", e);
        }
    }

    void remove(String nodeId) {
        try (Connection c = dataSource.getConnection()) {
            Sql.update(c, "DELETE FROM drm_node WHERE node_id = ?", s -> s.setString(1, nodeId));
        } catch (SQLException e) {
            throw Sql.unavailable("removing drmdata node " + nodeId, e);
        }
    }
}
