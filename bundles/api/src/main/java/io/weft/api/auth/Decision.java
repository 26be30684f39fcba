package io.weft.api.auth;

import java.util.Objects;

/**
 * The answer of an {@link AccessGuard}: whether to go on and, if not, what to tell the caller.
 *
 * @param outcome   what was decided; never {@code null}
 * @param principal the authenticated user, or {@code null} when the call was allowed without login
 *                  or the caller did not authenticate
 * @param reason    a short text for logs and error bodies; never {@code null}, never a secret
 */
public record Decision(Outcome outcome, String principal, String reason) {

    /** What an {@link AccessGuard} decided. */
    public enum Outcome {
        /** Go on. */
        ALLOWED(200),
        /** No or wrong credentials: HTTP 401 with a {@link Decision#challenge() challenge}. */
        UNAUTHENTICATED(401),
        /** Authenticated, but the user lacks the permission: HTTP 403. */
        FORBIDDEN(403),
        /** Too many failed logins from this caller or for this user lately: HTTP 429. */
        THROTTLED(429);

        private final int httpStatus;

        Outcome(int httpStatus) {
            this.httpStatus = httpStatus;
        }
    }

    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
    }

    public static Decision allowed(String principal, String reason) {
        return new Decision(Outcome.ALLOWED, principal, reason);
    }

    public static Decision unauthenticated(String reason) {
        return new Decision(Outcome.UNAUTHENTICATED, null, reason);
    }

    public static Decision forbidden(String principal, String reason) {
        return new Decision(Outcome.FORBIDDEN, principal, reason);
    }

    public static Decision throttled(String reason) {
        return new Decision(Outcome.THROTTLED, null, reason);
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOWED;
    }

    /** The HTTP status to answer a refused call with (200 when allowed). */
    public int httpStatus() {
        return outcome.httpStatus;
    }

    /** The {@code WWW-Authenticate} value to send with a 401, so {@code curl -u} and browsers retry. */
    public String challenge() {
        return "Basic realm=\"Weft\", charset=\"UTF-8\"";
    }
}
