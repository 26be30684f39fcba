package io.weft.auth.osp.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts SecretKeys for storage with AES-256-GCM under the node's master key. The verifier needs the
 * secret itself to recompute an HMAC, so it is encrypted rather than hashed.
 *
 * <p>Stored form: {@code v1:} + Base64(12-byte IV, cipher text, 16-byte tag). The AccessKey id is the
 * associated data: a cipher text moved to another key's row does not decrypt. Thread-safe (a new
 * {@link Cipher} per call).
 */
public final class SecretCipher {

    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey masterKey;
    private final SecureRandom random;

    public SecretCipher(SecretKey masterKey, SecureRandom random) {
        this.masterKey = masterKey;
        this.random = random;
    }

    public String encrypt(String accessKeyId, String secret) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, masterKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(accessKeyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /**
     * @throws SecretUnreadableException if the text was not sealed for this key id with this master key
     */
    public String decrypt(String accessKeyId, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new SecretUnreadableException("unknown format of the stored SecretKey of " + accessKeyId);
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            if (all.length <= IV_BYTES) {
                throw new SecretUnreadableException("stored SecretKey of " + accessKeyId + " is truncated");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, masterKey, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(accessKeyId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new SecretUnreadableException("the stored SecretKey of " + accessKeyId
                    + " cannot be decrypted with this node's master key (" + MasterKeyFile.RELATIVE_PATH + ")");
        }
    }
}
