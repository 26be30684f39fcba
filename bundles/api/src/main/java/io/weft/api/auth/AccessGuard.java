package io.weft.api.auth;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Decides whether a caller may do something, from what any HTTP server has at hand: the caller's
 * address and the value of its {@code Authorization} header. Free of servlet types so that servers on
 * their own ports (Netty, Jetty, anything) use it alike.
 *
 * <p>Accepted credentials: {@code Basic base64(user:password)} (what {@code curl -u} sends) and
 * {@code Bearer <session token>} (a console login session; the console's session cookie
 * {@link #SESSION_COOKIE} carries the same token). An ops endpoint guards itself in one statement:
 *
 * <pre>{@code
 * Decision d = guard.checkOps(req.getRemoteAddr(), req.getHeader("Authorization"),
 *         Permissions.REGISTRY_PUSH_SWITCH_WRITE);
 * if (!d.allowed()) { resp.setHeader("WWW-Authenticate", d.challenge()); resp.sendError(d.httpStatus(), d.reason()); return; }
 * }</pre>
 *
 * <p>Thread-safe; answers from memory except for a password check, which hashes (tens of
 * milliseconds) and may read the user store.
 */
@ProviderType
public interface AccessGuard {

    /** Name of the cookie holding a console login session's token. */
    String SESSION_COOKIE = "WEFT_SESSION";

    /**
     * A check for an ops endpoint. Calls from the node's own host (a loopback address) are allowed
     * without credentials while the guard's {@code opsRequireLoginFromLoopback} setting is off (the
     * default, as the ops guide's runbooks call these endpoints with plain {@code curl} on
     * localhost); every other call must authenticate and hold {@code permission}.
     *
     * @param remoteAddress the caller's IP address as a literal (e.g. {@code 127.0.0.1}, {@code ::1})
     * @param authorization the {@code Authorization} header, or {@code null} when absent
     * @param permission    what the call needs, e.g. {@link Permissions#REGISTRY_PUSH_SWITCH_WRITE}
     */
    Decision checkOps(String remoteAddress, String authorization, String permission);

    /**
     * A check with no exemption for loopback: the caller must authenticate and hold
     * {@code permission}. For console pages and anything reached through a browser.
     *
     * @param remoteAddress the caller's IP address, used to slow down repeated failed logins
     * @param authorization the {@code Authorization} header, or {@code null} when absent
     * @param permission    what the call needs
     */
    Decision check(String remoteAddress, String authorization, String permission);
}
