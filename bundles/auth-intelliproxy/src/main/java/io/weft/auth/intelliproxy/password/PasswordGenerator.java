package io.weft.auth.intelliproxy.password;

import java.security.SecureRandom;

/** Random passwords for new users and resets: 20 letters and digits, about 116 bits. Thread-safe. */
public final class PasswordGenerator {

    /** Letters and digits without the look-alikes 0, O, 1, l, I: a password is read off a screen. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int LENGTH = 20;

    private final SecureRandom random = new SecureRandom();

    public char[] generate() {
        char[] out = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            out[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return out;
    }
}
