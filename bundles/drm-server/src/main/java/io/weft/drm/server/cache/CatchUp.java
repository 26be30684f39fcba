package io.weft.drm.server.cache;

import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.drm.server.core.DatabaseState;
import io.weft.drm.server.store.DrmStore;
import io.weft.drm.server.store.StoredAttribute;

/**
 * Follows the store's change sequence (DRM-8, DRM-32): every {@code catchUpMillis} reads what was
 * written since the last run, updates the cached attributes this node's clients use, and hands each
 * newer one to {@code changed} (which notifies lagging clients). This is how a node that missed a
 * broadcast, or was down during a push, still brings its clients up to date. Logs
 * {@code catchup;instanceId;key;version} on {@code drmdata.sync} for every attribute it brought forward.
 * Run by one thread at a time.
 */
public final class CatchUp implements Runnable {

    static final int BATCH = 1000;

    private static final Logger SYNC_LOG = LoggerFactory.getLogger("drmdata.sync");
    private static final Logger LOG = LoggerFactory.getLogger(CatchUp.class);

    private final DrmStore store;
    private final AttributeCache cache;
    private final Consumer<CachedAttribute> changed;
    private final DatabaseState database;
    /** Highest sequence seen; -1 until read from the store (a node started while the database was down). */
    private long lastSequence = -1;

    public CatchUp(DrmStore store, AttributeCache cache, Consumer<CachedAttribute> changed, DatabaseState database) {
        this.store = store;
        this.cache = cache;
        this.changed = changed;
        this.database = database;
    }

    /** Starts from the store's current sequence: clients registering afterwards read current versions anyway. */
    public synchronized void start() {
        try {
            lastSequence = store.lastSequence();
            database.succeeded();
        } catch (RuntimeException e) {
            database.failed(e);
            LOG.warn("cannot read the DRM change sequence, catch-up starts when the database answers: {}",
                    e.getMessage());
        }
    }

    @Override
    public synchronized void run() {
        try {
            if (lastSequence < 0) {
                // Down at start: nothing this node cached can predate the sequence read now.
                lastSequence = store.lastSequence();
                database.succeeded();
                return;
            }
            List<StoredAttribute> batch;
            do {
                batch = store.changedSince(lastSequence, BATCH);
                for (StoredAttribute s : batch) {
                    lastSequence = Math.max(lastSequence, s.sequence());
                    cache.applyIfCached(s).ifPresent(c -> {
                        SYNC_LOG.info("catchup;{};{};{}", s.instanceId(), s.key(),
                                s.grayOpen() ? s.grayVersion() : s.version());
                        changed.accept(c);
                    });
                }
            } while (batch.size() == BATCH);
            database.succeeded();
        } catch (RuntimeException e) {
            database.failed(e);
            LOG.debug("DRM catch-up failed, retrying at the next turn: {}", e.getMessage());
        }
    }

    /** The highest change sequence applied. */
    public synchronized long lastSequence() {
        return lastSequence;
    }
}
