package io.weft.drm.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.weft.api.drm.DrmException;
import io.weft.api.store.Transactions;

/** JDBC odds and ends shared by the store's tables. */
final class Sql {

    private Sql() {
    }

    /** Sets a statement's parameters. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Reads the current row. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    static <T> List<T> query(Connection c, String sql, Binder binder, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        }
    }

    static int update(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        }
    }

    /** The exception every store method throws when the database fails: nothing was changed. */
    static DrmException unavailable(String doing, SQLException e) {
        return new DrmException(DrmException.Reason.UNAVAILABLE,
                "DRM database unavailable while " + doing + ": " + describe(e), e);
    }

    private static String describe(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return e.getSQLState() == null ? message : message + " (SQL state " + e.getSQLState() + ")";
    }

    /** A deadlock or lock timeout: the transaction was rolled back and may simply be run again. */
    static boolean retryable(SQLException e) {
        return Transactions.lostToConcurrentWriter(e);
    }

    /** A unique-key violation anywhere in the chain (batch updates wrap the statement's exception). */
    static boolean duplicateKey(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && Transactions.isDuplicateKey(s)) {
                return true;
            }
        }
        return false;
    }

    /** Comma-separated, sorted: how IP and zone sets are kept in one column. */
    static String join(Collection<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", new TreeSet<>(values));
    }

    static Set<String> split(String column) {
        if (column == null || column.isEmpty()) {
            return Set.of();
        }
        Set<String> out = new TreeSet<>();
        for (String v : column.split(",")) {
            if (!v.isEmpty()) {
                out.add(v);
            }
        }
        return out;
    }

    /** {@code items} in slices of at most {@code size}, for {@code IN (...)} lists. */
    static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            out.add(items.subList(i, Math.min(items.size(), i + size)));
        }
        return out;
    }

    /** {@code ?, ?, ?} for {@code n} parameters. */
    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
