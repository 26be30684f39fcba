package io.weft.drm.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import io.weft.api.drm.DrmException;
import io.weft.api.drm.PushRecord;
import io.weft.api.store.Transactions;

/**
 * Applies the console's {@link AttributeChange}s, each in one short transaction: lock the attribute's row,
 * decide from the row as it is now, take the next change sequence, write the row and its history entry.
 *
 * <p>Two consoles (or nodes) writing the same key at once serialise on the row lock, so each gets its own
 * version. Every write locks the attribute row first and the sequence row second, so writes of different
 * keys cannot deadlock; the sequence row stays locked until commit, which numbers writes in commit order
 * (a node reading {@code changedSince(n)} never sees {@code n + 2} committed before {@code n + 1}).
 */
final class AttributeWriter {

    static final String CHANGE_SEQUENCE = "change";
    /** A deadlock or lock timeout is retried this many times in all before it is reported. */
    private static final int ATTEMPTS = 3;
    private static final int NOTE_LIMIT = 4000;

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final Clock clock;

    AttributeWriter(DataSource dataSource, SqlDialect dialect, Clock clock) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.clock = clock;
    }

    Written write(String instanceId, String key, String operator, AttributeChange change) {
        for (int attempt = 1; ; attempt++) {
            AtomicReference<Written> written = new AtomicReference<>();
            try {
                Transactions.inTransaction(dataSource, c -> written.set(apply(c, instanceId, key, operator, change)));
                return written.get();
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && Sql.retryable(e)) {
                    continue;
                }
                throw Sql.unavailable("writing " + key + " of " + instanceId, e);
            }
        }
    }

    private Written apply(Connection c, String instanceId, String key, String operator, AttributeChange change)
            throws SQLException {
        int locked = Sql.update(c, "UPDATE drm_attribute SET change_seq = change_seq WHERE instance_id = ?"
                + " AND attr_key = ?", s -> {
                    s.setString(1, instanceId);
                    s.setString(2, key);
                });
        AttributeRow current = locked == 0 ? null
                : AttributeTable.row(c, instanceId, key, dialect.forUpdate()).orElse(null);
        if (current == null) {
            throw new DrmException(DrmException.Reason.UNKNOWN_ATTRIBUTE, "No attribute " + key + " in instance "
                    + instanceId + ": an attribute exists once a client declares it or an operator declares it");
        }
        StoredAttribute a = current.attribute();
        long version = Math.max(a.version(), a.grayVersion()) + 1;
        long now = clock.millis();
        Decision d = decide(c, current, change, version, operator, now);
        long sequence = nextSequence(c);
        StoredAttribute n = d.row().attribute();
        Sql.update(c, "UPDATE drm_attribute SET attr_value = ?, attr_version = ?, updated_by = ?, updated_at = ?,"
                + " gray_value = ?, gray_version = ?, gray_ips = ?, gray_zones = ?, gray_by = ?, gray_at = ?,"
                + " change_seq = ? WHERE instance_id = ? AND attr_key = ?", s -> {
                    s.setString(1, n.value());
                    s.setLong(2, n.version());
                    s.setString(3, emptyToNull(d.row().updatedBy()));
                    s.setLong(4, d.row().updatedAtMillis());
                    s.setString(5, n.grayValue());
                    s.setLong(6, n.grayVersion());
                    s.setString(7, Sql.join(n.grayIps()));
                    s.setString(8, Sql.join(n.grayZones()));
                    s.setString(9, emptyToNull(d.row().grayBy()));
                    s.setLong(10, d.row().grayAtMillis());
                    s.setLong(11, sequence);
                    s.setString(12, instanceId);
                    s.setString(13, key);
                });
        PushRecord record = new PushRecord(version, d.pushedValue(), change.kind(), operator, Instant.ofEpochMilli(now),
                d.note());
        Sql.update(c, "INSERT INTO drm_push_history (instance_id, attr_key, attr_version, attr_value, kind,"
                + " operator_name, pushed_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", s -> {
                    s.setString(1, instanceId);
                    s.setString(2, key);
                    s.setLong(3, version);
                    s.setString(4, record.value());
                    s.setString(5, record.kind().name());
                    s.setString(6, operator);
                    s.setLong(7, now);
                    s.setString(8, record.note());
                });
        return new Written(withSequence(d.row(), sequence), record);
    }

    /** The row after the change (sequence still 0), the value the history keeps and its note. */
    private record Decision(AttributeRow row, String pushedValue, String note) {
    }

    private Decision decide(Connection c, AttributeRow current, AttributeChange change, long version, String operator,
            long now) throws SQLException {
        StoredAttribute a = current.attribute();
        String what = a.key() + " of instance " + a.instanceId();
        if (change instanceof AttributeChange.Push push) {
            requireNoGray(a, what);
            return new Decision(common(a, push.value(), version, operator, now), push.value(), "");
        }
        if (change instanceof AttributeChange.Gray gray) {
            requireNoGray(a, what);
            AttributeRow row = new AttributeRow(new StoredAttribute(a.instanceId(), a.key(), a.value(), a.version(),
                    gray.value(), version, gray.clientIps(), gray.zones(), 0), current.updatedBy(),
                    current.updatedAtMillis(), operator, now);
            return new Decision(row, gray.value(), note(grayNote(gray.clientIps(), gray.zones())));
        }
        if (change instanceof AttributeChange.Promote) {
            requireGray(a, what);
            return new Decision(common(a, a.grayValue(), version, operator, now), a.grayValue(),
                    note("gray version " + a.grayVersion() + " (" + grayNote(a.grayIps(), a.grayZones())
                            + ") promoted to everyone"));
        }
        if (change instanceof AttributeChange.Abandon) {
            requireGray(a, what);
            return new Decision(common(a, a.value(), version, operator, now), a.value(),
                    note("gray version " + a.grayVersion() + " (" + grayNote(a.grayIps(), a.grayZones())
                            + ") abandoned; common value of version " + a.version() + " again"));
        }
        if (change instanceof AttributeChange.Rollback rollback) {
            requireNoGray(a, what);
            String value = historyValue(c, a, rollback.toVersion());
            return new Decision(common(a, value, version, operator, now), value,
                    "rolled back to version " + rollback.toVersion());
        }
        throw new IllegalArgumentException("unknown change " + change);
    }

    /** A new common value for everyone; no gray release. */
    private static AttributeRow common(StoredAttribute a, String value, long version, String operator, long now) {
        return new AttributeRow(new StoredAttribute(a.instanceId(), a.key(), value, version, null, 0, Set.of(),
                Set.of(), 0), operator, now, "", 0);
    }

    private static AttributeRow withSequence(AttributeRow row, long sequence) {
        StoredAttribute a = row.attribute();
        return new AttributeRow(new StoredAttribute(a.instanceId(), a.key(), a.value(), a.version(), a.grayValue(),
                a.grayVersion(), a.grayIps(), a.grayZones(), sequence), row.updatedBy(), row.updatedAtMillis(),
                row.grayBy(), row.grayAtMillis());
    }

    private static void requireNoGray(StoredAttribute a, String what) {
        if (a.grayOpen()) {
            throw new DrmException(DrmException.Reason.CONFLICT, what + " has an open gray release (version "
                    + a.grayVersion() + "): promote or abandon it first");
        }
    }

    private static void requireGray(StoredAttribute a, String what) {
        if (!a.grayOpen()) {
            throw new DrmException(DrmException.Reason.CONFLICT, what + " has no open gray release");
        }
    }

    private static String historyValue(Connection c, StoredAttribute a, long toVersion) throws SQLException {
        Sql.Binder key = s -> {
            s.setString(1, a.instanceId());
            s.setString(2, a.key());
        };
        List<String[]> found = Sql.query(c, "SELECT attr_value, kind FROM drm_push_history WHERE instance_id = ?"
                + " AND attr_key = ? AND attr_version = ?", s -> {
                    key.bind(s);
                    s.setLong(3, toVersion);
                }, rs -> new String[] {rs.getString(1), rs.getString(2)});
        if (found.isEmpty()) {
            List<long[]> range = Sql.query(c, "SELECT MIN(attr_version), MAX(attr_version), COUNT(*) FROM"
                    + " drm_push_history WHERE instance_id = ? AND attr_key = ?", key,
                    rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
            long[] r = range.get(0);
            throw new DrmException(DrmException.Reason.INVALID, "Cannot roll " + a.key() + " of instance "
                    + a.instanceId() + " back to version " + toVersion + ": no such version in its history"
                    + (r[2] == 0 ? " (it has none yet)" : " (versions " + r[0] + " to " + r[1] + ")"));
        }
        if (found.get(0)[0] == null) {
            throw new DrmException(DrmException.Reason.INVALID, "Cannot roll " + a.key() + " of instance "
                    + a.instanceId() + " back to version " + toVersion + ": that version had no value");
        }
        return found.get(0)[0];
    }

    private long nextSequence(Connection c) throws SQLException {
        int updated = Sql.update(c, "UPDATE drm_sequence SET seq_value = seq_value + 1 WHERE seq_name = ?",
                s -> s.setString(1, CHANGE_SEQUENCE));
        if (updated != 1) {
            throw new SQLException("the DRM change sequence row is missing from drm_sequence");
        }
        return Sql.query(c, "SELECT seq_value FROM drm_sequence WHERE seq_name = ?" + dialect.forUpdate(),
                s -> s.setString(1, CHANGE_SEQUENCE), rs -> rs.getLong(1)).get(0);
    }

    static String grayNote(Set<String> ips, Set<String> zones) {
        StringBuilder note = new StringBuilder();
        if (!ips.isEmpty()) {
            note.append("ips ").append(Sql.join(ips));
        }
        if (!zones.isEmpty()) {
            note.append(note.length() == 0 ? "" : "; ").append("zones ").append(Sql.join(zones));
        }
        return note.toString();
    }

    private static String note(String text) {
        return text.length() <= NOTE_LIMIT ? text : text.substring(0, NOTE_LIMIT - 3) + "...";
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
