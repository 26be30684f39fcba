package io.weft.auth.intelliproxy.access;

import io.weft.api.auth.AccessGuard;
import io.weft.api.auth.Decision;
import io.weft.auth.intelliproxy.login.LoginResult;
import io.weft.auth.intelliproxy.login.LoginService;

/**
 * The {@link AccessGuard} decisions, free of OSGi so they are tested as a plain class.
 *
 * <p>Switched off ({@code enabled=false}) everything is allowed, as before intelliproxy. Otherwise ops
 * calls from loopback pass without credentials unless {@code opsRequireLoginFromLoopback}; every
 * other call needs a user holding the permission. Settings are swapped whole, so a check sees either
 * the old or the new ones. Thread-safe.
 */
public final class AccessPolicy implements AccessGuard {

    /** The switches a check reads. */
    public record Settings(boolean enabled, boolean opsRequireLoginFromLoopback) {
    }

    private final LoginService logins;
    private volatile Settings settings;

    public AccessPolicy(LoginService logins, Settings settings) {
        this.logins = logins;
        this.settings = settings;
    }

    public void configure(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Decision checkOps(String remoteAddress, String authorization, String permission) {
        Settings s = settings;
        if (s.enabled() && !s.opsRequireLoginFromLoopback() && Loopback.is(remoteAddress)) {
            return Decision.allowed(null, "call from loopback (opsRequireLoginFromLoopback=false)");
        }
        return decide(s, remoteAddress, authorization, permission);
    }

    @Override
    public Decision check(String remoteAddress, String authorization, String permission) {
        return decide(settings, remoteAddress, authorization, permission);
    }

    /** The decision for an already authenticated user (console requests with a session cookie). */
    public static Decision decide(Principal principal, String permission) {
        if (principal.has(permission)) {
            return Decision.allowed(principal.name(), "granted " + permission);
        }
        return Decision.forbidden(principal.name(), "user " + principal.name() + " lacks permission " + permission);
    }

    private Decision decide(Settings s, String remoteAddress, String authorization, String permission) {
        if (!s.enabled()) {
            return Decision.allowed(null, "intelliproxy is disabled");
        }
        if (authorization == null || authorization.isBlank()) {
            return Decision.unauthenticated("login required");
        }
        LoginResult result = logins.authenticate(authorization, remoteAddress);
        return switch (result.status()) {
            case OK -> decide(result.principal(), permission);
            case THROTTLED -> Decision.throttled("too many failed logins; try again later");
            case INVALID -> Decision.unauthenticated("invalid credentials");
        };
    }
}
