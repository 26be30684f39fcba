package io.weft.drm.server.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database answered at the last attempt, as seen by the node's periodic tasks: the health
 * check and {@code /checkService} read it. Logs the transitions once, not every failure. Thread-safe.
 */
public final class DatabaseState {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseState.class);

    private volatile boolean ok = true;
    private volatile String lastError = "";

    public void succeeded() {
        if (!ok) {
            ok = true;
            LOG.info("drmdata database reachable again");
        }
    }

    public void failed(Throwable e) {
        lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (ok) {
            ok = false;
            LOG.error("drmdata database failed: {}", lastError);
        }
    }

    public boolean ok() {
        return ok;
    }

    public String lastError() {
        return lastError;
    }
}
