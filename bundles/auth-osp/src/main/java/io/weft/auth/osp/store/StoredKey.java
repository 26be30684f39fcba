package io.weft.auth.osp.store;

import java.util.Objects;

import io.weft.api.osp.AccessKey;

/**
 * An AccessKey with its SecretKey as stored: encrypted ({@code SecretCipher} format). Kept out of the API
 * and out of every listing; only the verifier decrypts it, for the moment it recomputes an HMAC.
 */
public record StoredKey(AccessKey key, String secretCipher) {

    public StoredKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secretCipher, "secretCipher");
    }

    /** Never prints the cipher text, so a stray log line cannot carry it. */
    @Override
    public String toString() {
        return "StoredKey[" + key + "]";
    }
}
