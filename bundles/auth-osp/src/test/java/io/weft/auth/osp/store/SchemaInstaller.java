package io.weft.auth.osp.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * For tests: creates OSP's tables when they are absent, from the script the store's migrations run
 * in a node ({@value #SCRIPT}).
 */
public final class SchemaInstaller {

    public static final String SCRIPT = "/db/migration/osp/V1__osp.sql";
    /** Present once V1 ran: the last table the script creates. */
    static final String MARKER_TABLE = "osp_access_key_permission";

    private SchemaInstaller() {
    }

    /** @return {@code true} if the tables were created now, {@code false} if they were there already */
    public static boolean ensureSchema(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            if (tableExists(c, MARKER_TABLE)) {
                return false;
            }
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            // Derby runs DDL in the transaction, so a failure leaves no table behind. MySQL commits each
            // CREATE: a failure there leaves the earlier tables, and the operator drops them (docs/osp.md).
            try (Statement s = c.createStatement()) {
                for (String sql : statements(script())) {
                    s.execute(sql);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
            return true;
        } catch (SQLException e) {
            throw new StoreException("Cannot create the OSP tables: " + e.getMessage(), e);
        }
    }

    /** Derby keeps unquoted names upper case, MySQL as written: ask for both in the connection's schema. */
    static boolean tableExists(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        for (String name : List.of(table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
            try (ResultSet r = meta.getTables(c.getCatalog(), c.getSchema(), name, new String[] {"TABLE"})) {
                if (r.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    static String script() {
        try (InputStream in = SchemaInstaller.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + SCRIPT + " in the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + SCRIPT, e);
        }
    }

    /** Statements of a script: {@code --} comment lines dropped, split at semicolons. */
    static List<String> statements(String script) {
        StringBuilder text = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                text.append(line).append('\n');
            }
        }
        List<String> out = new ArrayList<>();
        for (String sql : text.toString().split(";")) {
            if (!sql.isBlank()) {
                out.add(sql.strip());
            }
        }
        return out;
    }
}
