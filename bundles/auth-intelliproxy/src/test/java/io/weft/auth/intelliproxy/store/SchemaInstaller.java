package io.weft.auth.intelliproxy.store;

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

import io.weft.auth.intelliproxy.user.RepositoryException;

/**
 * Runs {@value #V1} on a test database the way the store's migration runner does in the node
 * ({@code Database.migrate("intelliproxy", ..., "db/migration/intelliproxy")}), without the store.
 */
public final class SchemaInstaller {

    public static final String V1 = "/db/migration/intelliproxy/V1__intelliproxy.sql";
    private static final String PROBE_TABLE = "intelliproxy_user";

    private SchemaInstaller() {
    }

    /** @return whether the tables had to be created */
    public static boolean ensureSchema(javax.sql.DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            if (tableExists(c.getMetaData(), PROBE_TABLE)) {
                return false;
            }
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : statements(readScript())) {
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
            throw new RepositoryException("Could not create intelliproxy's tables: " + e.getMessage(), e);
        }
    }

    /** Unquoted names are upper case in Derby's catalog and as written in MySQL's: try both. */
    private static boolean tableExists(DatabaseMetaData meta, String table) throws SQLException {
        for (String name : new String[] {table.toUpperCase(java.util.Locale.ROOT), table}) {
            try (ResultSet r = meta.getTables(null, null, name, new String[] {"TABLE"})) {
                if (r.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The script's statements: {@code --} comments dropped, split at each {@code ;} that ends a line. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(trimmed).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("Migration script ends without ';': " + current);
        }
        return out;
    }

    private static String readScript() {
        try (InputStream in = SchemaInstaller.class.getResourceAsStream(V1)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + V1 + " in the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read " + V1, e);
        }
    }
}
