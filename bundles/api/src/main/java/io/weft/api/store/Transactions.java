package io.weft.api.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

import javax.sql.DataSource;

/**
 * Plain-JDBC helpers every bundle that writes to the node database needs: one transaction, all or
 * nothing, and recognising a unique-key violation on every database the store supports.
 */
public final class Transactions {

    /** Standard SQL state of a unique or primary key violation (Derby, and MySQL/MariaDB in most cases). */
    /** Derby's deadlock and lock-timeout states, and the standard serialization failure (MySQL's deadlock too). */
    private static final Set<String> RETRYABLE_STATES = Set.of("40001", "40XL1", "40XL2");
    /** MySQL/MariaDB: deadlock, lock wait timeout. */
    private static final Set<Integer> RETRYABLE_CODES = Set.of(1213, 1205);
    private static final String UNIQUE_VIOLATION = "23505";
    /** MySQL/MariaDB's own error code for a duplicate key (its SQL state is the generic 23000). */
    private static final int MYSQL_DUPLICATE_KEY = 1062;

    private Transactions() {
    }

    /** Work done on one connection. */
    @FunctionalInterface
    public interface Change {
        void run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code change} in one transaction: committed when it returns, rolled back when it throws,
     * so nothing of a failed change is left. The connection's auto-commit mode is restored.
     */
    public static void inTransaction(DataSource dataSource, Change change) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                change.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /** Whether {@code e}, or an exception chained to it, is a unique-key violation. */
    public static boolean isDuplicateKey(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if (UNIQUE_VIOLATION.equals(x.getSQLState()) || x.getErrorCode() == MYSQL_DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code e}, an exception chained to it or one of its causes, says the transaction lost to a concurrent
     * writer and was rolled back whole, so running it again is right: a deadlock or lock timeout (Derby {@code 40XL1},
     * {@code 40XL2}; MySQL/MariaDB 1213, 1205) or the standard serialization failure ({@code 40001}).
     */
    public static boolean lostToConcurrentWriter(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                for (SQLException x = s; x != null; x = x.getNextException()) {
                    if (RETRYABLE_STATES.contains(x.getSQLState()) || RETRYABLE_CODES.contains(x.getErrorCode())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
