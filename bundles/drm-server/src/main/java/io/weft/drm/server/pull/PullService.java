package io.weft.drm.server.pull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.weft.api.drm.DrmException;
import io.weft.drm.protocol.DrmJson;
import io.weft.drm.protocol.DrmKeys;
import io.weft.drm.protocol.PullProtocol;
import io.weft.drm.protocol.PullProtocol.PullError;
import io.weft.drm.server.cache.AttributeCache;
import io.weft.drm.server.cache.CachedAttribute;
import io.weft.drm.server.core.DatabaseState;
import io.weft.drm.server.monitor.DrmMetrics;

/**
 * The pull interface without HTTP types (DRM-6 step 5, {@link PullProtocol}): checks the token, finds
 * the attribute in memory (reading the store only when memory is older than the version asked for) and
 * answers the JSON written when the attribute was cached. Thread-safe.
 */
public final class PullService {

    /** Tokens already verified, with their expiry, so a pull usually costs no HMAC. */
    private static final int VERIFIED_CAPACITY = 100_000;

    private final AttributeCache cache;
    private final PullTokenAuthority tokens;
    private final DrmMetrics metrics;
    private final DatabaseState database;
    private final java.time.Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public PullService(AttributeCache cache, PullTokenAuthority tokens, DrmMetrics metrics, DatabaseState database,
            java.time.Clock clock) {
        this.cache = cache;
        this.tokens = tokens;
        this.metrics = metrics;
        this.database = database;
        this.clock = clock;
    }

    /** An HTTP answer: status and JSON body. */
    public record Answer(int status, byte[] body) {
    }

    /**
     * @param versionParam the {@code version} parameter as sent, or {@code null}
     * @param clientIp     the request's remote address (gray releases match it)
     */
    public Answer pull(String token, String instanceId, String key, String versionParam, String zone,
            String clientIp) {
        Answer a = answer(token, instanceId, key, versionParam, zone == null ? "" : zone, clientIp);
        metrics.pulled(a.status());
        return a;
    }

    private Answer answer(String token, String instanceId, String key, String versionParam, String zone,
            String clientIp) {
        long version;
        try {
            DrmKeys.checkInstanceId(instanceId);
            DrmKeys.checkKey(key);
            version = versionParam == null || versionParam.isEmpty() ? 0 : Long.parseLong(versionParam);
        } catch (NumberFormatException e) {
            return error(400, "BAD_REQUEST", "version must be a number, was '" + shorten(versionParam) + "'");
        } catch (IllegalArgumentException e) {
            return error(400, "BAD_REQUEST", e.getMessage());
        }
        if (!tokenValid(token, instanceId)) {
            return error(401, "AUTH_FAILED", token == null || token.isEmpty()
                    ? "missing " + PullProtocol.TOKEN_HEADER + " header"
                    : "pull token expired, forged or of another instance; register again for a fresh one");
        }
        Optional<CachedAttribute> c = cache.peek(instanceId, key);
        if (c.isEmpty() || c.get().versionFor(clientIp, zone) < version) {
            try {
                c = cache.refresh(instanceId, key);
                database.succeeded();
            } catch (DrmException e) {
                database.failed(e);
                return error(503, "UNAVAILABLE", "drmdata cannot read its database; try another node");
            }
        }
        if (c.isEmpty()) {
            return error(404, "UNKNOWN_ATTRIBUTE", "no attribute " + key + " in instance " + instanceId);
        }
        return new Answer(200, c.get().pullJson(clientIp, zone));
    }

    private boolean tokenValid(String token, String instanceId) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        long now = clock.millis();
        Verified v = verified.get(token);
        if (v != null && v.instanceId.equals(instanceId) && v.expiryMillis >= now) {
            return true;
        }
        if (!tokens.verify(token, instanceId)) {
            return false;
        }
        if (verified.size() >= VERIFIED_CAPACITY) {
            verified.clear();
        }
        verified.put(token, new Verified(instanceId, expiryOf(token)));
        return true;
    }

    /** The expiry a token names (it was verified, so it parses). */
    private static long expiryOf(String token) {
        int last = token.lastIndexOf('.');
        int middle = token.lastIndexOf('.', last - 1);
        return Long.parseLong(token.substring(middle + 1, last));
    }

    private record Verified(String instanceId, long expiryMillis) {
    }

    static Answer error(int status, String code, String message) {
        try {
            return new Answer(status, DrmJson.mapper().writeValueAsBytes(new PullError(code, message)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
