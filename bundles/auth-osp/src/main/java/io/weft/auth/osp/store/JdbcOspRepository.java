package io.weft.auth.osp.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import io.weft.api.osp.AccessKey;
import io.weft.api.osp.Instance;
import io.weft.api.store.Transactions;

/**
 * {@link OspRepository} over plain JDBC with standard SQL (Derby, MySQL, MariaDB), tables of
 * {@code db/migration/osp/V1__osp.sql}. Thread-safe: each call takes its own connection from the pool.
 * Only prepared statements: names never become SQL text.
 */
public final class JdbcOspRepository implements OspRepository {

    /** SQLState of a unique or primary key violation (Derby and the SQL standard). */
    /** MySQL/MariaDB's error code for a duplicate key (their SQLState is the generic 23000). */

    private final DataSource dataSource;

    public JdbcOspRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void createTenant(Tenant tenant) {
        write("create tenant " + tenant.name(), c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO osp_tenant (tenant_name, created_at) VALUES (?, ?)")) {
                s.setString(1, tenant.name());
                s.setLong(2, tenant.createdAt().toEpochMilli());
                s.executeUpdate();
            }
        });
    }

    @Override
    public List<Tenant> tenants() {
        return read("list tenants", c -> {
            List<Tenant> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT tenant_name, created_at FROM osp_tenant ORDER BY tenant_name");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Tenant(r.getString(1), Instant.ofEpochMilli(r.getLong(2))));
                }
            }
            return out;
        });
    }

    @Override
    public Optional<Tenant> tenant(String name) {
        return read("read tenant " + name, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT tenant_name, created_at FROM osp_tenant WHERE tenant_name = ?")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    return r.next()
                            ? Optional.of(new Tenant(r.getString(1), Instant.ofEpochMilli(r.getLong(2))))
                            : Optional.<Tenant>empty();
                }
            }
        });
    }

    @Override
    public void createInstance(Instance instance, Instant createdAt) {
        write("create instance " + instance.instanceId(), c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO osp_instance (instance_id, tenant_name, workspace, created_at) VALUES (?, ?, ?, ?)")) {
                s.setString(1, instance.instanceId());
                s.setString(2, instance.tenant());
                s.setString(3, instance.workspace());
                s.setLong(4, createdAt.toEpochMilli());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO osp_instance_product (instance_id, product) VALUES (?, ?)")) {
                for (String product : new TreeSet<>(instance.products())) {
                    s.setString(1, instance.instanceId());
                    s.setString(2, product);
                    s.executeUpdate();
                }
            }
        });
    }

    @Override
    public List<Instance> instances() {
        return read("list instances", c -> queryInstances(c, null));
    }

    @Override
    public Optional<Instance> instance(String instanceId) {
        return read("read instance " + instanceId,
                c -> queryInstances(c, instanceId).stream().findFirst());
    }

    private static List<Instance> queryInstances(Connection c, String onlyId) throws SQLException {
        String where = onlyId == null ? "" : " WHERE i.instance_id = ?";
        Map<String, String[]> rows = new LinkedHashMap<>();
        Map<String, Set<String>> products = new LinkedHashMap<>();
        // One outer join instead of a query per instance; an instance without products has one NULL row.
        try (PreparedStatement s = c.prepareStatement(
                "SELECT i.instance_id, i.tenant_name, i.workspace, p.product FROM osp_instance i"
                        + " LEFT OUTER JOIN osp_instance_product p ON p.instance_id = i.instance_id" + where
                        + " ORDER BY i.instance_id, p.product")) {
            if (onlyId != null) {
                s.setString(1, onlyId);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String id = r.getString(1);
                    rows.putIfAbsent(id, new String[] {r.getString(2), r.getString(3)});
                    Set<String> set = products.computeIfAbsent(id, k -> new TreeSet<>());
                    String product = r.getString(4);
                    if (product != null) {
                        set.add(product);
                    }
                }
            }
        }
        List<Instance> out = new ArrayList<>(rows.size());
        rows.forEach((id, row) -> out.add(new Instance(id, row[0], row[1], products.get(id))));
        return out;
    }

    @Override
    public void createAccessKey(StoredKey stored) {
        AccessKey key = stored.key();
        write("create AccessKey " + key.accessKeyId(), c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO osp_access_key"
                    + " (access_key_id, instance_id, secret_cipher, created_at, revoked_at) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, key.accessKeyId());
                s.setString(2, key.instanceId());
                s.setString(3, stored.secretCipher());
                s.setLong(4, key.createdAt().toEpochMilli());
                if (key.revokedAt() == null) {
                    s.setNull(5, Types.BIGINT);
                } else {
                    s.setLong(5, key.revokedAt().toEpochMilli());
                }
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO osp_access_key_permission (access_key_id, permission) VALUES (?, ?)")) {
                for (String permission : new TreeSet<>(key.permissions())) {
                    s.setString(1, key.accessKeyId());
                    s.setString(2, permission);
                    s.executeUpdate();
                }
            }
        });
    }

    @Override
    public List<StoredKey> accessKeys() {
        return read("list AccessKeys", c -> queryKeys(c, null));
    }

    @Override
    public Optional<StoredKey> accessKey(String accessKeyId) {
        return read("read AccessKey " + accessKeyId, c -> queryKeys(c, accessKeyId).stream().findFirst());
    }

    private static List<StoredKey> queryKeys(Connection c, String onlyId) throws SQLException {
        String where = onlyId == null ? "" : " WHERE k.access_key_id = ?";
        Map<String, Object[]> rows = new LinkedHashMap<>();
        Map<String, Set<String>> permissions = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT k.access_key_id, k.instance_id, k.secret_cipher, k.created_at, k.revoked_at, p.permission"
                        + " FROM osp_access_key k"
                        + " LEFT OUTER JOIN osp_access_key_permission p ON p.access_key_id = k.access_key_id" + where
                        + " ORDER BY k.instance_id, k.access_key_id, p.permission")) {
            if (onlyId != null) {
                s.setString(1, onlyId);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String id = r.getString(1);
                    long revoked = r.getLong(5);
                    Instant revokedAt = r.wasNull() ? null : Instant.ofEpochMilli(revoked);
                    rows.putIfAbsent(id, new Object[] {r.getString(2), r.getString(3),
                        Instant.ofEpochMilli(r.getLong(4)), revokedAt});
                    Set<String> set = permissions.computeIfAbsent(id, k -> new TreeSet<>());
                    String permission = r.getString(6);
                    if (permission != null) {
                        set.add(permission);
                    }
                }
            }
        }
        List<StoredKey> out = new ArrayList<>(rows.size());
        rows.forEach((id, row) -> out.add(new StoredKey(new AccessKey(id, (String) row[0], permissions.get(id),
                (Instant) row[2], (Instant) row[3]), (String) row[1])));
        return out;
    }

    @Override
    public boolean revokeAccessKey(String accessKeyId, Instant revokedAt) {
        boolean[] changed = new boolean[1];
        write("revoke AccessKey " + accessKeyId, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE osp_access_key SET revoked_at = ?"
                    + " WHERE access_key_id = ? AND revoked_at IS NULL")) {
                s.setLong(1, revokedAt.toEpochMilli());
                s.setString(2, accessKeyId);
                changed[0] = s.executeUpdate() == 1;
            }
        });
        return changed[0];
    }

    @FunctionalInterface
    private interface Work {
        void run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    private interface Query<T> {
        T run(Connection c) throws SQLException;
    }

    /** One transaction: committed whole, or rolled back so nothing of it is left. */
    private void write(String what, Work work) {
        try {
            Transactions.inTransaction(dataSource, work::run);
        } catch (SQLException e) {
            if (Transactions.isDuplicateKey(e)) {
                throw new DuplicateEntryException("Cannot " + what + ": it already exists");
            }
            throw new StoreException("Cannot " + what + ": " + e.getMessage(), e);
        }
    }

    private <T> T read(String what, Query<T> query) {
        try (Connection c = dataSource.getConnection()) {
            return query.run(c);
        } catch (SQLException e) {
            throw new StoreException("Cannot " + what + ": " + e.getMessage(), e);
        }
    }
}
