package io.weft.drm.server.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

/**
 * The secret pull tokens are signed with, shared by every drmdata node through {@code drm_cluster}. The first
 * node that asks inserts a random one; a node that loses that race reads the winner's. Kept once read: the
 * secret never changes.
 */
final class ClusterSecret {

    static final String CLUSTER = "drm";
    static final int BYTES = 32;

    private final DataSource dataSource;
    private final SecureRandom random;
    private volatile byte[] secret;

    ClusterSecret(DataSource dataSource, SecureRandom random) {
        this.dataSource = dataSource;
        this.random = random;
    }

    byte[] get() {
        byte[] known = secret;
        if (known == null) {
            known = loadOrCreate();
            secret = known;
        }
        return known.clone();
    }

    private byte[] loadOrCreate() {
        try (Connection c = dataSource.getConnection()) {
            byte[] stored = read(c);
            if (stored != null) {
                return stored;
            }
            byte[] fresh = new byte[BYTES];
            random.nextBytes(fresh);
            try {
                Sql.update(c, "INSERT INTO drm_cluster (cluster_name, secret) VALUES (?, ?)", s -> {
                    s.setString(1, CLUSTER);
                    s.setString(2, HexFormat.of().formatHex(fresh));
                });
            } catch (SQLException e) {
                if (!Sql.duplicateKey(e)) {
                    throw e;
                }
            }
            stored = read(c);
            if (stored == null) {
                throw new SQLException("the cluster secret row vanished right after it was written");
            }
            return stored;
        } catch (SQLException e) {
            throw Sql.unavailable("reading the drmdata cluster secret", e);
        }
    }

    private static byte[] read(Connection c) throws SQLException {
        List<String> rows = Sql.query(c, "SELECT secret FROM drm_cluster WHERE cluster_name = ?",
                s -> s.setString(1, CLUSTER), rs -> rs.getString(1));
        return rows.isEmpty() ? null : HexFormat.of().parseHex(rows.get(0));
    }
}
