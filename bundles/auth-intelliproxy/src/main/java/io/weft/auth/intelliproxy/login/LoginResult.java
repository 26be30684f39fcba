package io.weft.auth.intelliproxy.login;

import io.weft.auth.intelliproxy.access.Principal;

/**
 * The outcome of presenting credentials.
 *
 * @param status    what happened
 * @param principal the user when {@link Status#OK}, else {@code null}
 */
public record LoginResult(Status status, Principal principal) {

    public enum Status {
        OK,
        /** No credentials, unknown user, wrong password, disabled user or expired session: not told apart. */
        INVALID,
        /** Too many failures lately; the credentials were not even checked. */
        THROTTLED
    }

    static LoginResult ok(Principal principal) {
        return new LoginResult(Status.OK, principal);
    }

    public static final LoginResult INVALID = new LoginResult(Status.INVALID, null);
    public static final LoginResult THROTTLED = new LoginResult(Status.THROTTLED, null);

    public boolean ok() {
        return status == Status.OK;
    }
}
