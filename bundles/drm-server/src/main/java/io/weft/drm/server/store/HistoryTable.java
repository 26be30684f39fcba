package io.weft.drm.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import io.weft.api.drm.PushRecord;

/** Reads of {@code drm_push_history}; its rows are written by {@link AttributeWriter} only and never change. */
final class HistoryTable {

    private final DataSource dataSource;
    private final SqlDialect dialect;

    HistoryTable(DataSource dataSource, SqlDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** Newest first. */
    List<PushRecord> history(String instanceId, String key, int limit) {
        try (Connection c = dataSource.getConnection()) {
            return Sql.query(c, dialect.page("SELECT attr_version, attr_value, kind, operator_name, pushed_at, note"
                    + " FROM drm_push_history WHERE instance_id = ? AND attr_key = ? ORDER BY attr_version DESC", 0,
                    limit), s -> {
                        s.setString(1, instanceId);
                        s.setString(2, key);
                    }, rs -> new PushRecord(rs.getLong(1), rs.getString(2), PushRecord.Kind.valueOf(rs.getString(3)),
                            rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)),
                            rs.getString(6) == null ? "" : rs.getString(6)));
        } catch (SQLException e) {
            throw Sql.unavailable("reading the history of " + key + " of " + instanceId, e);
        }
    }
}
