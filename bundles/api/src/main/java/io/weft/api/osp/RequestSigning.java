package io.weft.api.osp;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How Weft's clients sign and its servers check: the names of the signature attributes, the string to
 * sign and the HMAC. The same code on both sides, so Weft's own clients cannot drift from the servers.
 *
 * <p>The SOFARegistry client puts four attributes into every registration ({@code BaseRegister.attributes}):
 * {@code !AccessKey}, {@code !Signature}, {@code !Algorithm} ({@code HmacSHA256}) and {@code !Timestamp}
 * (epoch ms, rounded down to five minutes). It signs the instanceId followed directly by that timestamp
 * in decimal, and sends the HMAC-SHA256 in standard Base64. Requests that carry content of their own add
 * it after a newline, so the registry form is the special case of an empty content.
 */
public final class RequestSigning {

    public static final String ACCESS_KEY_ATTRIBUTE = "!AccessKey";
    public static final String SIGNATURE_ATTRIBUTE = "!Signature";
    public static final String ALGORITHM_ATTRIBUTE = "!Algorithm";
    public static final String TIMESTAMP_ATTRIBUTE = "!Timestamp";
    /** The only algorithm accepted, named as Java and the client name it. */
    public static final String HMAC_SHA256 = "HmacSHA256";
    /** The SOFARegistry client signs the start of the current five-minute slot. */
    public static final Duration REGISTRY_TIMESTAMP_GRANULARITY = Duration.ofMinutes(5);

    private RequestSigning() {
    }

    /**
     * {@code instanceId + timestamp}, then {@code "\n" + content} when content is not empty. A
     * {@code null} instanceId signs as the empty string, as clients without one do.
     */
    public static String stringToSign(String instanceId, long timestamp, String content) {
        String base = (instanceId == null ? "" : instanceId) + timestamp;
        return content == null || content.isEmpty() ? base : base + "\n" + content;
    }

    /** Base64 of HMAC-SHA256 over the UTF-8 bytes of {@code stringToSign}, keyed with the secret's UTF-8 bytes. */
    public static String sign(String secretKey, String stringToSign) {
        return Base64.getEncoder().encodeToString(hmac(secretKey, stringToSign));
    }

    /** The raw HMAC-SHA256, for constant-time comparison by verifiers. */
    public static byte[] hmac(String secretKey, String stringToSign) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), HMAC_SHA256));
            return mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // Every Java 17 runtime has HmacSHA256, and any non-empty key is valid for it.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The timestamp the SOFARegistry client would sign at {@code nowMillis}: the start of its slot. */
    public static long registryTimestamp(long nowMillis) {
        long slot = REGISTRY_TIMESTAMP_GRANULARITY.toMillis();
        return Math.floorDiv(nowMillis, slot) * slot;
    }
}
