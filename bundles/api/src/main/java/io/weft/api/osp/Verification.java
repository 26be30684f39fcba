package io.weft.api.osp;

import java.util.Objects;

/**
 * The answer of a {@link SignatureVerifier}: accepted with the key that signed, or refused with a reason.
 * {@link #message()} is meant for the caller and the server's log: it names the AccessKey and the
 * instance, never a secret.
 *
 * @param reason  {@code null} when accepted
 * @param message why it was refused (empty when accepted)
 * @param key     the key that signed, when accepted
 */
public record Verification(Reason reason, String message, AccessKey key) {

    /** Why a signed request was refused. */
    public enum Reason {
        /** A signature attribute is missing or unreadable (no AccessKey, no timestamp, bad Base64). */
        MALFORMED,
        /** No key of that id, or the key was revoked. */
        UNKNOWN_ACCESS_KEY,
        /** The HMAC does not match, or the algorithm is not HmacSHA256. */
        BAD_SIGNATURE,
        /** The timestamp is outside the clock-skew window. */
        EXPIRED,
        /** The same signature was already accepted for a single-use request within the window. */
        REPLAYED,
        /** The key is valid but lacks the permission the request needs. */
        PERMISSION_DENIED,
        /** The key is bound to another instance than the request names. */
        INSTANCE_MISMATCH
    }

    public Verification {
        message = message == null ? "" : message;
        if (reason == null) {
            Objects.requireNonNull(key, "key of an accepted verification");
        }
    }

    public static Verification accepted(AccessKey key) {
        return new Verification(null, "", key);
    }

    public static Verification refused(Reason reason, String message) {
        return new Verification(Objects.requireNonNull(reason, "reason"), message, null);
    }

    public boolean isAccepted() {
        return reason == null;
    }
}
