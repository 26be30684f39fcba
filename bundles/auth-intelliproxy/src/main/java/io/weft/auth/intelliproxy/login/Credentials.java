package io.weft.auth.intelliproxy.login;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * What an {@code Authorization} header carries: a user and password ({@code Basic}) or a session
 * token ({@code Bearer}). Anything else is {@link #parse parsed} as {@code null}: not logged in.
 */
public sealed interface Credentials {

    /** {@code Authorization: Basic base64(user:password)}, RFC 7617, UTF-8. */
    record Password(String user, char[] password) implements Credentials {
        @Override
        public String toString() {
            return "Password[user=" + user + "]";
        }
    }

    /** {@code Authorization: Bearer <token>} with a login session's token. */
    record Token(String token) implements Credentials {
        @Override
        public String toString() {
            return "Token[...]";
        }
    }

    /** The credentials in {@code header}, or {@code null} when absent or malformed. */
    static Credentials parse(String header) {
        if (header == null) {
            return null;
        }
        String h = header.strip();
        int space = h.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = h.substring(0, space).toLowerCase(Locale.ROOT);
        String value = h.substring(space + 1).strip();
        if (scheme.equals("bearer")) {
            return value.isEmpty() ? null : new Token(value);
        }
        if (!scheme.equals("basic")) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        return new Password(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray());
    }
}
