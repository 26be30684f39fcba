package io.weft.auth.intelliproxy.session;

import java.time.Instant;

/**
 * A login session.
 *
 * @param token    the secret the client presents (cookie or {@code Bearer}); never logged
 * @param user     who logged in
 * @param created  when
 * @param lastUsed when it was last presented; it expires one timeout after this
 */
public record Session(String token, String user, Instant created, Instant lastUsed) {

    @Override
    public String toString() {
        return "Session[user=" + user + ", created=" + created + ", lastUsed=" + lastUsed + "]";
    }
}
