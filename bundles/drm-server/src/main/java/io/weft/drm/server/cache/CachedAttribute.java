package io.weft.drm.server.cache;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.weft.drm.protocol.DrmJson;
import io.weft.drm.protocol.PullProtocol.PullResponse;
import io.weft.drm.server.store.StoredAttribute;

/**
 * A stored attribute with the pull interface's answers already written as JSON: the common value's and,
 * during a gray release, the gray value's. Built once per change so a pull costs no serialisation.
 * Immutable.
 */
public final class CachedAttribute {

    private final StoredAttribute stored;
    private final byte[] commonJson;
    private final byte[] grayJson;

    CachedAttribute(StoredAttribute stored) {
        this.stored = stored;
        this.commonJson = json(new PullResponse(stored.instanceId(), stored.key(), stored.version(), stored.value(),
                false));
        this.grayJson = stored.grayOpen() ? json(new PullResponse(stored.instanceId(), stored.key(),
                stored.grayVersion(), stored.grayValue(), true)) : commonJson;
    }

    public StoredAttribute stored() {
        return stored;
    }

    /** The version a client with this IP and zone must hold. */
    public long versionFor(String clientIp, String zone) {
        return stored.versionFor(clientIp, zone);
    }

    /** The 200 body of a pull by a client with this IP and zone. */
    public byte[] pullJson(String clientIp, String zone) {
        return stored.grayTargets(clientIp, zone) ? grayJson : commonJson;
    }

    private static byte[] json(PullResponse response) {
        try {
            return DrmJson.mapper().writeValueAsBytes(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
