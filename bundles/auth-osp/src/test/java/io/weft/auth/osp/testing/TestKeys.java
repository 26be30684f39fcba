package io.weft.auth.osp.testing;

import java.security.SecureRandom;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.weft.auth.osp.secret.SecretCipher;

/** A fixed master key for tests. */
public final class TestKeys {

    private TestKeys() {
    }

    public static SecretKey masterKey(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return new SecretKeySpec(key, "AES");
    }

    public static SecretCipher cipher() {
        return new SecretCipher(masterKey(7), new SecureRandom());
    }
}
