package io.weft.auth.osp.verify;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

import io.weft.api.osp.AccessKey;
import io.weft.api.osp.RequestSigning;
import io.weft.api.osp.SignatureVerifier;
import io.weft.api.osp.SignedRequest;
import io.weft.api.osp.Verification;
import io.weft.api.osp.Verification.Reason;
import io.weft.auth.osp.secret.SecretCipher;
import io.weft.auth.osp.secret.SecretUnreadableException;
import io.weft.auth.osp.store.StoredKey;

/**
 * HMAC-SHA256 verification of {@link SignedRequest}s against stored keys.
 *
 * <p>Order of checks: well-formed, known and active key, timestamp within the window, HMAC, then (only
 * for a genuine signature) instance, permission and replay — so an unsigned caller learns nothing about
 * a key's instance or permissions. A signature is recorded as used only when it is accepted.
 *
 * <p>Window: a timestamp is accepted from {@code now - skew - granularity} to {@code now + skew}: clients
 * that round their timestamp down (the SOFARegistry client, by five minutes) sign a time up to one
 * granularity old. Thread-safe.
 */
public final class HmacSignatureVerifier implements SignatureVerifier {

    private final Function<String, Optional<StoredKey>> keys;
    private final SecretCipher cipher;
    private final Clock clock;
    private final ReplayCache replays;
    private volatile Duration skew;

    public HmacSignatureVerifier(Function<String, Optional<StoredKey>> keys, SecretCipher cipher, Clock clock,
            Duration skew, ReplayCache replays) {
        this.keys = keys;
        this.cipher = cipher;
        this.clock = clock;
        this.replays = replays;
        setSkew(skew);
    }

    public void setSkew(Duration skew) {
        if (skew.isNegative()) {
            throw new IllegalArgumentException("clock skew must not be negative: " + skew);
        }
        this.skew = skew;
    }

    @Override
    public Verification verify(SignedRequest r) {
        if (r.accessKeyId() == null || r.accessKeyId().isBlank()) {
            return Verification.refused(Reason.MALFORMED, "No AccessKey (" + RequestSigning.ACCESS_KEY_ATTRIBUTE + ")");
        }
        String ak = r.accessKeyId();
        if (r.signature() == null || r.signature().isBlank()) {
            return Verification.refused(Reason.MALFORMED, "No signature (" + RequestSigning.SIGNATURE_ATTRIBUTE
                    + ") for AccessKey " + ak);
        }
        if (r.algorithm() != null && !r.algorithm().isBlank()
                && !RequestSigning.HMAC_SHA256.equalsIgnoreCase(r.algorithm().strip())) {
            return Verification.refused(Reason.BAD_SIGNATURE, "Unsupported signature algorithm '" + r.algorithm()
                    + "' for AccessKey " + ak + ": only " + RequestSigning.HMAC_SHA256 + " is accepted");
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(r.signature().strip());
        } catch (IllegalArgumentException e) {
            return Verification.refused(Reason.MALFORMED, "Signature of AccessKey " + ak + " is not Base64");
        }

        Optional<StoredKey> found = keys.apply(ak);
        if (found.isEmpty()) {
            return Verification.refused(Reason.UNKNOWN_ACCESS_KEY, "Unknown AccessKey " + ak);
        }
        StoredKey stored = found.get();
        AccessKey key = stored.key();
        if (!key.isActive()) {
            return Verification.refused(Reason.UNKNOWN_ACCESS_KEY, "AccessKey " + ak + " was revoked at "
                    + key.revokedAt());
        }

        long now = clock.millis();
        long skewMillis = skew.toMillis();
        long earliest = now - skewMillis - r.granularity().toMillis();
        long latest = now + skewMillis;
        if (r.timestamp() < earliest || r.timestamp() > latest) {
            return Verification.refused(Reason.EXPIRED, "Timestamp " + r.timestamp() + " ("
                    + Instant.ofEpochMilli(r.timestamp()) + ") of AccessKey " + ak + " is outside the accepted window "
                    + Instant.ofEpochMilli(earliest) + " .. " + Instant.ofEpochMilli(latest) + ": check the client's clock");
        }

        String secret;
        try {
            secret = cipher.decrypt(ak, stored.secretCipher());
        } catch (SecretUnreadableException e) {
            return Verification.refused(Reason.BAD_SIGNATURE, "Cannot check the signature of AccessKey " + ak
                    + ": " + e.getMessage());
        }
        byte[] expected = RequestSigning.hmac(secret,
                RequestSigning.stringToSign(r.instanceId(), r.timestamp(), r.content()));
        if (!MessageDigest.isEqual(expected, given)) {
            return Verification.refused(Reason.BAD_SIGNATURE, "Signature does not match for AccessKey " + ak
                    + " (signed string: instanceId + timestamp" + (r.content().isEmpty() ? "" : " + newline + content")
                    + ", HMAC-SHA256 with the SecretKey, Base64)");
        }

        if (!key.instanceId().equals(r.instanceId())) {
            return Verification.refused(Reason.INSTANCE_MISMATCH, "AccessKey " + ak + " belongs to instance "
                    + key.instanceId() + ", not to " + r.instanceId());
        }
        if (r.permission() != null && !key.grants(r.permission())) {
            return Verification.refused(Reason.PERMISSION_DENIED, "AccessKey " + ak + " lacks permission "
                    + r.permission());
        }
        // Remembered for as long as the timestamp check would still let the same request through.
        long usableUntil = r.timestamp() + skewMillis + r.granularity().toMillis() + 1;
        if (r.singleUse() && !replays.firstUse(ak, r.signature().strip(), usableUntil, now)) {
            return Verification.refused(Reason.REPLAYED, "Signature of AccessKey " + ak + " at timestamp "
                    + r.timestamp() + " was already used");
        }
        return Verification.accepted(key);
    }
}
