package io.weft.auth.osp.secret;

import java.security.SecureRandom;

/**
 * New AccessKey ids and SecretKeys. Ids are 20 upper-case letters and digits starting {@code AK} (easy to
 * read out and to grep); secrets are 30 letters and digits, about 178 bits.
 */
public final class Credentials {

    private static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String ALNUM = UPPER_ALNUM + "abcdefghijklmnopqrstuvwxyz";

    private final SecureRandom random;

    public Credentials(SecureRandom random) {
        this.random = random;
    }

    public String newAccessKeyId() {
        return "AK" + random(UPPER_ALNUM, 18);
    }

    public String newSecretKey() {
        return random(ALNUM, 30);
    }

    private String random(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
