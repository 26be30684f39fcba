package io.weft.drm.server.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.weft.api.drm.DrmException;

/**
 * drmdata's view of the shared DRM database: what the serving side (long connections, pull, sync) reads
 * and the node bookkeeping it writes. The console's writes go through {@link io.weft.api.drm.DrmAdmin}.
 * Every method runs its own short transaction and throws {@link DrmException} with reason
 * {@code UNAVAILABLE} when the database cannot be reached. Thread-safe.
 */
public interface DrmStore {

    /** The attribute as stored, or empty when it was never declared. */
    Optional<StoredAttribute> find(String instanceId, String key);

    /** The stored attributes among {@code keys} of an instance (absent keys are left out). One query. */
    Map<String, StoredAttribute> findAll(String instanceId, Collection<String> keys);

    /**
     * Declares the keys a client registered that are not yet in the database (no value, version 0), so
     * the console lists them (DRM-22). Existing keys are left as they are; concurrent declarations by
     * several nodes of the same key are fine.
     */
    void declare(String instanceId, Collection<String> keys);

    /**
     * Attributes written after change sequence {@code afterSequence} (each write takes the next value of
     * a database-wide sequence), oldest first, at most {@code limit}. A node polls this to catch up with
     * what it missed (DRM-8: a node that was down, or a broadcast that did not reach it).
     */
    List<StoredAttribute> changedSince(long afterSequence, int limit);

    /** The highest change sequence written so far (0 for an empty database). */
    long lastSequence();

    /** The secret every drmdata node signs pull tokens with; created by the first node that asks. */
    byte[] clusterSecret();

    /** Writes this node's liveness row (insert or update), with its connection count. */
    void heartbeatNode(NodeRow node);

    /** Every drmdata node row, live or not. */
    List<NodeRow> nodes();

    /** Removes this node's row at a clean stop, so the console and peers stop asking it at once. */
    void removeNode(String nodeId);
}
