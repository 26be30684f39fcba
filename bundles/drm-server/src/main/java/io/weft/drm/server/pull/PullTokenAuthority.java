package io.weft.drm.server.pull;

import java.time.Clock;
import java.util.function.IntSupplier;

import io.weft.drm.protocol.PullTokens;
import io.weft.drm.server.store.DrmStore;

/**
 * Issues and checks pull tokens with the cluster secret (see {@link PullTokens}). The secret is read from
 * the store on first use and kept: a node that started while the database was down gets it at the first
 * registration after the database is back. Thread-safe.
 */
public final class PullTokenAuthority {

    private final DrmStore store;
    private final Clock clock;
    private final IntSupplier tokenSeconds;
    private volatile PullTokens tokens;

    public PullTokenAuthority(DrmStore store, Clock clock, IntSupplier tokenSeconds) {
        this.store = store;
        this.clock = clock;
        this.tokenSeconds = tokenSeconds;
    }

    /**
     * A token for the instance, valid for {@code pullTokenSeconds}.
     *
     * @throws io.weft.api.drm.DrmException UNAVAILABLE when the secret is not known yet and the store fails
     */
    public String issue(String instanceId) {
        return tokens().issue(instanceId, clock.millis() + tokenSeconds.getAsInt() * 1000L);
    }

    /** Whether the token is valid now for the instance; false while the secret is unknown and unreadable. */
    public boolean verify(String token, String instanceId) {
        PullTokens t = tokens;
        if (t == null) {
            try {
                t = tokens();
            } catch (RuntimeException e) {
                return false;
            }
        }
        return t.verify(token, instanceId, clock.millis());
    }

    private PullTokens tokens() {
        PullTokens t = tokens;
        if (t == null) {
            synchronized (this) {
                t = tokens;
                if (t == null) {
                    t = new PullTokens(store.clusterSecret());
                    tokens = t;
                }
            }
        }
        return t;
    }
}
