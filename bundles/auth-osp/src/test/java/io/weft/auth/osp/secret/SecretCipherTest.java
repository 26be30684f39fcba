package io.weft.auth.osp.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.auth.osp.testing.TestKeys;

class SecretCipherTest {

    private final SecretCipher cipher = new SecretCipher(TestKeys.masterKey(1), new SecureRandom());

    @Test
    @DisplayName("CON-22: a SecretKey encrypts and decrypts back; the stored text does not contain it")
    void roundTrip() {
        String secret = "ExampleSecretKey0123456789abcd";
        String sealed = cipher.encrypt("AK1", secret);
        assertTrue(sealed.startsWith("v1:"), sealed);
        assertFalse(sealed.contains(secret));
        assertEquals(secret, cipher.decrypt("AK1", sealed));
        assertNotEquals(sealed, cipher.encrypt("AK1", secret), "a fresh IV each time");
    }

    @Test
    @DisplayName("CON-22: a cipher text does not decrypt for another key id or under another master key")
    void boundToKeyAndMaster() {
        String sealed = cipher.encrypt("AK1", "s3cret");
        assertThrows(SecretUnreadableException.class, () -> cipher.decrypt("AK2", sealed));
        SecretCipher other = new SecretCipher(TestKeys.masterKey(2), new SecureRandom());
        SecretUnreadableException e = assertThrows(SecretUnreadableException.class, () -> other.decrypt("AK1", sealed));
        assertFalse(e.getMessage().contains("s3cret"));
        assertThrows(SecretUnreadableException.class, () -> cipher.decrypt("AK1", "plain-text"));
        assertThrows(SecretUnreadableException.class, () -> cipher.decrypt("AK1", "v1:AA"));
    }
}
