package io.weft.drm.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import javax.sql.DataSource;

import io.weft.api.drm.Page;
import io.weft.api.store.Transactions;

/** Reads of {@code drm_attribute}, and declarations (rows without a value). */
final class AttributeTable {

    /** Keys per {@code IN (...)} list: a client registers up to a few thousand attributes at once. */
    private static final int IN_CHUNK = 500;
    /** Concurrent declarations of the same keys by several nodes collide at most this often in a row. */
    private static final int DECLARE_ATTEMPTS = 5;
    private static final char LIKE_ESCAPE = '!';

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final Clock clock;

    AttributeTable(DataSource dataSource, SqlDialect dialect, Clock clock) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.clock = clock;
    }

    Optional<AttributeRow> row(String instanceId, String key) {
        try (Connection c = dataSource.getConnection()) {
            return row(c, instanceId, key, "");
        } catch (SQLException e) {
            throw Sql.unavailable("reading " + instanceId + " " + key, e);
        }
    }

    /** On {@code c}; {@code suffix} is empty or the dialect's {@code FOR UPDATE}. */
    static Optional<AttributeRow> row(Connection c, String instanceId, String key, String suffix) throws SQLException {
        List<AttributeRow> rows = Sql.query(c, AttributeColumns.SELECT + " WHERE instance_id = ? AND attr_key = ?"
                + suffix, s -> {
                    s.setString(1, instanceId);
                    s.setString(2, key);
                }, AttributeColumns::row);
        return rows.stream().findFirst();
    }

    Map<String, StoredAttribute> findAll(String instanceId, Collection<String> keys) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(keys));
        Map<String, StoredAttribute> found = new HashMap<>();
        if (distinct.isEmpty()) {
            return found;
        }
        try (Connection c = dataSource.getConnection()) {
            for (List<String> chunk : Sql.chunks(distinct, IN_CHUNK)) {
                String sql = AttributeColumns.SELECT + " WHERE instance_id = ? AND attr_key IN ("
                        + Sql.placeholders(chunk.size()) + ")";
                for (StoredAttribute a : Sql.query(c, sql, s -> {
                    s.setString(1, instanceId);
                    for (int i = 0; i < chunk.size(); i++) {
                        s.setString(i + 2, chunk.get(i));
                    }
                }, AttributeColumns::attribute)) {
                    found.put(a.key(), a);
                }
            }
            return found;
        } catch (SQLException e) {
            throw Sql.unavailable("reading " + distinct.size() + " attribute(s) of " + instanceId, e);
        }
    }

    /**
     * Inserts the keys that are missing, in one transaction. Another node declaring some of the same keys at
     * the same moment makes the insert fail on a duplicate key: the keys still missing are then read again
     * and inserted in a fresh transaction.
     */
    void declare(String instanceId, Collection<String> keys) {
        for (int attempt = 1; ; attempt++) {
            Map<String, StoredAttribute> existing = findAll(instanceId, keys);
            // Sorted: transactions inserting overlapping keys then meet in the same order, so one waits for
            // the other (and retries on its duplicate) instead of both deadlocking.
            List<String> missing = new ArrayList<>(new TreeSet<>(keys));
            missing.removeAll(existing.keySet());
            if (missing.isEmpty()) {
                return;
            }
            try {
                insert(instanceId, missing);
                return;
            } catch (SQLException e) {
                if (attempt < DECLARE_ATTEMPTS && (Sql.duplicateKey(e) || Sql.retryable(e))) {
                    continue;
                }
                throw Sql.unavailable("declaring " + missing.size() + " attribute(s) of " + instanceId, e);
            }
        }
    }

    private void insert(String instanceId, List<String> keys) throws SQLException {
        long now = clock.millis();
        Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO drm_attribute (instance_id, attr_key,"
                    + " attr_version, updated_at, gray_version, gray_at, change_seq, declared_at)"
                    + " VALUES (?, ?, 0, 0, 0, 0, 0, ?)")) {
                for (String key : keys) {
                    s.setString(1, instanceId);
                    s.setString(2, key);
                    s.setLong(3, now);
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
    }

    List<StoredAttribute> changedSince(long afterSequence, int limit) {
        try (Connection c = dataSource.getConnection()) {
            return Sql.query(c, dialect.page(AttributeColumns.SELECT + " WHERE change_seq > ? ORDER BY change_seq", 0,
                    Math.max(1, limit)), s -> s.setLong(1, afterSequence), AttributeColumns::attribute);
        } catch (SQLException e) {
            throw Sql.unavailable("reading the changes after sequence " + afterSequence, e);
        }
    }

    long lastSequence() {
        try (Connection c = dataSource.getConnection()) {
            List<Long> value = Sql.query(c, "SELECT seq_value FROM drm_sequence WHERE seq_name = ?",
                    s -> s.setString(1, AttributeWriter.CHANGE_SEQUENCE), rs -> rs.getLong(1));
            return value.isEmpty() ? 0 : value.get(0);
        } catch (SQLException e) {
            throw Sql.unavailable("reading the change sequence", e);
        }
    }

    List<String> instances() {
        try (Connection c = dataSource.getConnection()) {
            return Sql.query(c, "SELECT DISTINCT instance_id FROM drm_attribute ORDER BY instance_id", s -> { },
                    rs -> rs.getString(1));
        } catch (SQLException e) {
            throw Sql.unavailable("listing the instances", e);
        }
    }

    /** Sorted by key; the count and the page are two queries on the primary key's instance prefix. */
    Page<AttributeRow> page(String instanceId, String search, int offset, int limit) {
        String needle = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        String where = " WHERE instance_id = ?" + (needle.isEmpty() ? "" : " AND LOWER(attr_key) LIKE ? ESCAPE '"
                + LIKE_ESCAPE + "'");
        Sql.Binder binder = s -> {
            s.setString(1, instanceId);
            if (!needle.isEmpty()) {
                s.setString(2, "%" + escapeLike(needle) + "%");
            }
        };
        try (Connection c = dataSource.getConnection()) {
            int total = Sql.query(c, "SELECT COUNT(*) FROM drm_attribute" + where, binder, rs -> rs.getInt(1)).get(0);
            List<AttributeRow> rows = offset >= total ? List.of() : Sql.query(c,
                    dialect.page(AttributeColumns.SELECT + where + " ORDER BY attr_key", offset, limit), binder,
                    AttributeColumns::row);
            return new Page<>(rows, offset, total);
        } catch (SQLException e) {
            throw Sql.unavailable("listing the attributes of " + instanceId, e);
        }
    }

    private static String escapeLike(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            if (ch == LIKE_ESCAPE || ch == '%' || ch == '_') {
                out.append(LIKE_ESCAPE);
            }
            out.append(ch);
        }
        return out.toString();
    }
}
