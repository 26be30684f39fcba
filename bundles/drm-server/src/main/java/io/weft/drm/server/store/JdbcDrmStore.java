package io.weft.drm.server.store;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import io.weft.api.drm.Page;
import io.weft.api.drm.PushRecord;
import io.weft.api.store.Database;
import io.weft.api.store.MigrationException;

/**
 * The DRM tables in the shared node database: {@link DrmStore} for drmdata, and the console's reads and
 * writes ({@link #write}, {@link #page}, {@link #history}, ...). Safe to use from several nodes sharing one
 * database (network Derby or MySQL/MariaDB); see {@link AttributeWriter} for how concurrent writes are kept
 * apart. Every method runs its own short transaction and throws
 * {@link io.weft.api.drm.DrmException} {@code UNAVAILABLE} when the database fails. Thread-safe.
 */
public final class JdbcDrmStore implements DrmStore {

    /** Owner of the DRM tables' migrations ({@code schema_history_drm}). */
    public static final String MIGRATION_OWNER = "drm";
    /** Column sizes the console must keep within: operator names, gray IP and zone lists (comma-joined). */
    public static final int MAX_OPERATOR_CHARS = 128;
    public static final int MAX_GRAY_IPS_CHARS = 4000;
    public static final int MAX_GRAY_ZONES_CHARS = 2000;

    private final AttributeTable attributes;
    private final AttributeWriter writer;
    private final HistoryTable history;
    private final NodeTable nodes;
    private final ClusterSecret secret;

    public JdbcDrmStore(DataSource dataSource, SqlDialect dialect, Clock clock) {
        this.attributes = new AttributeTable(dataSource, dialect, clock);
        this.writer = new AttributeWriter(dataSource, dialect, clock);
        this.history = new HistoryTable(dataSource, dialect);
        this.nodes = new NodeTable(dataSource);
        this.secret = new ClusterSecret(dataSource, new SecureRandom());
    }

    /**
     * Brings the DRM tables of {@code database} up to date (the scripts of its {@link SqlDialect}) and opens
     * the store on it. Safe to call from every node at every start: migrations already applied are skipped.
     *
     * @throws MigrationException if the scripts could not be applied or the database could not be reached
     */
    public static JdbcDrmStore open(Database database, Clock clock) throws MigrationException {
        SqlDialect dialect;
        try {
            dialect = SqlDialect.of(database.dataSource());
        } catch (SQLException e) {
            throw new MigrationException("Cannot reach database '" + database.name() + "' to migrate the DRM tables: "
                    + e.getMessage(), e);
        }
        database.migrate(MIGRATION_OWNER, JdbcDrmStore.class.getClassLoader(), dialect.migrations());
        return new JdbcDrmStore(database.dataSource(), dialect, clock);
    }

    // drmdata's view

    @Override
    public Optional<StoredAttribute> find(String instanceId, String key) {
        return attributes.row(instanceId, key).map(AttributeRow::attribute);
    }

    @Override
    public Map<String, StoredAttribute> findAll(String instanceId, Collection<String> keys) {
        return attributes.findAll(instanceId, keys);
    }

    @Override
    public void declare(String instanceId, Collection<String> keys) {
        attributes.declare(instanceId, keys);
    }

    @Override
    public List<StoredAttribute> changedSince(long afterSequence, int limit) {
        return attributes.changedSince(afterSequence, limit);
    }

    @Override
    public long lastSequence() {
        return attributes.lastSequence();
    }

    @Override
    public byte[] clusterSecret() {
        return secret.get();
    }

    @Override
    public void heartbeatNode(NodeRow node) {
        nodes.heartbeat(node);
    }

    @Override
    public List<NodeRow> nodes() {
        return nodes.nodes();
    }

    @Override
    public void removeNode(String nodeId) {
        nodes.remove(nodeId);
    }

    // The console's view

    /** The attribute's row with who wrote it and when, or empty when it was never declared. */
    public Optional<AttributeRow> row(String instanceId, String key) {
        return attributes.row(instanceId, key);
    }

    /** Instances with at least one attribute, sorted. */
    public List<String> instances() {
        return attributes.instances();
    }

    /** Attributes of an instance whose key contains {@code search} (case-insensitive), sorted by key. */
    public Page<AttributeRow> page(String instanceId, String search, int offset, int limit) {
        return attributes.page(instanceId, search, offset, limit);
    }

    /** The history of an attribute, newest first, at most {@code limit} entries. */
    public List<PushRecord> history(String instanceId, String key, int limit) {
        return history.history(instanceId, key, limit);
    }

    /**
     * Applies one change of the console to an attribute, with its history entry, in one transaction.
     *
     * @throws io.weft.api.drm.DrmException {@code UNKNOWN_ATTRIBUTE} when it was never declared,
     *         {@code CONFLICT} when the gray release state forbids the change, {@code INVALID} for a roll back to
     *         a version not in the history, {@code UNAVAILABLE} when the database failed; nothing was written
     */
    public Written write(String instanceId, String key, String operator, AttributeChange change) {
        return writer.write(instanceId, key, operator, change);
    }
}
