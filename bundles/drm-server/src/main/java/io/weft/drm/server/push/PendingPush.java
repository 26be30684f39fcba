package io.weft.drm.server.push;

import io.netty.util.concurrent.Future;
import io.weft.drm.server.connection.ClientSession;

/** A notification sent and not yet answered. */
final class PendingPush {

    private final long pushId;
    private final ClientSession session;
    private final String key;
    private final long version;
    private volatile Future<?> timeout;

    PendingPush(long pushId, ClientSession session, String key, long version) {
        this.pushId = pushId;
        this.session = session;
        this.key = key;
        this.version = version;
    }

    long pushId() {
        return pushId;
    }

    ClientSession session() {
        return session;
    }

    String key() {
        return key;
    }

    long version() {
        return version;
    }

    void timeout(Future<?> f) {
        this.timeout = f;
    }

    void cancelTimeout() {
        Future<?> f = timeout;
        if (f != null) {
            f.cancel(false);
        }
    }
}
