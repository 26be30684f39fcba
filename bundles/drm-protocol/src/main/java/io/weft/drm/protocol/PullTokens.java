package io.weft.drm.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pull tokens: drmdata authorises a client once per instance at registration (OSP signature, DRM-12)
 * and hands it a token that every drmdata node of the cluster accepts for that instance until it
 * expires, so a pull costs one HMAC and no OSP lookup. The nodes share the cluster secret through the
 * database. Token: {@code instanceId.expiryMillis.base64url(HMAC-SHA256(secret, instanceId + "." + expiry))}.
 */
public final class PullTokens {

    private final byte[] secret;

    public PullTokens(byte[] secret) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("the cluster secret must have at least 16 bytes");
        }
        this.secret = secret.clone();
    }

    public String issue(String instanceId, long expiryMillis) {
        DrmKeys.checkInstanceId(instanceId);
        String payload = instanceId + "." + expiryMillis;
        return payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(payload));
    }

    /** Whether the token was issued with this secret, for this instance, and is not expired at {@code nowMillis}. */
    public boolean verify(String token, String instanceId, long nowMillis) {
        if (token == null || instanceId == null) {
            return false;
        }
        int last = token.lastIndexOf('.');
        int middle = last <= 0 ? -1 : token.lastIndexOf('.', last - 1);
        if (middle <= 0) {
            return false;
        }
        String tokenInstance = token.substring(0, middle);
        long expiry;
        try {
            expiry = Long.parseLong(token.substring(middle + 1, last));
        } catch (NumberFormatException e) {
            return false;
        }
        if (!tokenInstance.equals(instanceId) || expiry < nowMillis) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token.substring(last + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, mac(token.substring(0, last)));
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
