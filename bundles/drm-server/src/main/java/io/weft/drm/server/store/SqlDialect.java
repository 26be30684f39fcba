package io.weft.drm.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * What differs between the databases the store supports (Derby, embedded or network, and MySQL/MariaDB):
 * the folder of the migration scripts (the value columns are {@code CLOB} on Derby and {@code MEDIUMTEXT}
 * on MySQL), how a query is limited to a page, and how a row is read for update.
 */
public enum SqlDialect {

    DERBY("db/migration/drm/derby", "") {
        @Override
        public String page(String sql, int offset, int limit) {
            return sql + " OFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY";
        }
    },

    /** MySQL 8 has no {@code OFFSET ... FETCH}; MariaDB understands both forms. */
    MYSQL("db/migration/drm/mysql", " FOR UPDATE") {
        @Override
        public String page(String sql, int offset, int limit) {
            return sql + " LIMIT " + limit + " OFFSET " + offset;
        }
    };

    private final String migrations;
    private final String forUpdate;

    SqlDialect(String migrations, String forUpdate) {
        this.migrations = migrations;
        this.forUpdate = forUpdate;
    }

    /** The folder of this database's migration scripts on the bundle's class path. */
    public String migrations() {
        return migrations;
    }

    /**
     * {@code sql} limited to {@code limit} rows from {@code offset}. Both are ints written as literals (no
     * text of a caller's reaches the statement), since not every driver accepts parameters there.
     */
    public abstract String page(String sql, int offset, int limit);

    /**
     * The suffix of a {@code SELECT} that reads a row already locked by this transaction's {@code UPDATE}.
     * On InnoDB a plain read would come from the transaction's snapshot; {@code FOR UPDATE} reads the latest
     * committed row. Derby reads the latest committed row anyway.
     */
    String forUpdate() {
        return forUpdate;
    }

    /** The dialect of the database behind {@code dataSource}, from its product name. */
    public static SqlDialect of(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return of(c.getMetaData().getDatabaseProductName());
        }
    }

    /** @throws IllegalArgumentException for a database DRM has no scripts for */
    public static SqlDialect of(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.contains("derby")) {
            return DERBY;
        }
        if (name.contains("mysql") || name.contains("mariadb")) {
            return MYSQL;
        }
        throw new IllegalArgumentException("DRM stores its data in Derby or MySQL/MariaDB, not in '" + productName + "'");
    }
}
