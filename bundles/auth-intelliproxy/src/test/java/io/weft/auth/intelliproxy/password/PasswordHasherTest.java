package io.weft.auth.intelliproxy.password;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    @DisplayName("CON-23: a password hashed with Argon2id (default parameters) verifies, a wrong one does not")
    void roundTrip() {
        String stored = hasher.hash("correct horse battery".toCharArray());
        assertTrue(hasher.verify("correct horse battery".toCharArray(), stored));
        assertFalse(hasher.verify("correct horse battery!".toCharArray(), stored));
        assertFalse(hasher.verify("".toCharArray(), stored));
    }

    @Test
    @DisplayName("CON-23: hashes are salted and carry their algorithm and cost parameters")
    void saltedAndParameterised() {
        String a = hasher.hash("same password".toCharArray());
        String b = hasher.hash("same password".toCharArray());
        assertNotEquals(a, b);
        assertTrue(a.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), a);
        assertFalse(hasher.needsRehash(a));
    }

    @Test
    @DisplayName("CON-23: a hash made with other parameters still verifies and is marked for an upgrade")
    void otherParameters() {
        String cheap = new PasswordHasher(64, 1, 1).hash("password-1234".toCharArray());
        assertTrue(hasher.verify("password-1234".toCharArray(), cheap));
        assertTrue(hasher.needsRehash(cheap));
    }

    @Test
    @DisplayName("CON-23: the Web Console's {sha-256} form verifies (seeded admin) and needs a rehash")
    void legacySha256() {
        // SHA-256("admin"), the form the launcher writes into the console's configuration
        String legacy = "{sha-256}jGl25bVBBBW96Qi9Te4V37Fnqchz/Eu4qB9vKrRIqRg=";
        assertTrue(hasher.verify("admin".toCharArray(), legacy));
        assertFalse(hasher.verify("admin2".toCharArray(), legacy));
        assertTrue(hasher.needsRehash(legacy));
    }

    @Test
    @DisplayName("CON-23: a malformed or tampered stored hash never matches and never throws")
    void malformed() {
        assertFalse(hasher.verify("x".toCharArray(), null));
        assertFalse(hasher.verify("x".toCharArray(), "plain"));
        assertFalse(hasher.verify("x".toCharArray(), "$argon2id$v=19$m=99999999,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        assertFalse(hasher.verify("x".toCharArray(), "$argon2id$v=19$m=64,t=1,p=1$!!$!!"));
        assertFalse(hasher.verify("x".toCharArray(), "{sha-256}not base64!"));
    }

    @Test
    @DisplayName("generated passwords are 20 characters and differ")
    void generated() {
        PasswordGenerator g = new PasswordGenerator();
        char[] a = g.generate();
        assertTrue(a.length == 20);
        assertNotEquals(new String(a), new String(g.generate()));
    }
}
