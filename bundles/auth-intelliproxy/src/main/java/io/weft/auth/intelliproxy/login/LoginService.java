package io.weft.auth.intelliproxy.login;

import java.util.Arrays;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.auth.intelliproxy.access.Principal;
import io.weft.auth.intelliproxy.password.PasswordHasher;
import io.weft.auth.intelliproxy.session.Session;
import io.weft.auth.intelliproxy.session.SessionStore;
import io.weft.auth.intelliproxy.user.Names;
import io.weft.auth.intelliproxy.user.User;
import io.weft.auth.intelliproxy.user.UserRepository;

/**
 * Turns credentials into a {@link Principal}: checks passwords (throttled), resolves sessions, and
 * re-reads the user on every use so that disabling a user or changing its roles applies at once.
 * Thread-safe.
 */
public final class LoginService {

    private static final Logger LOG = LoggerFactory.getLogger(LoginService.class);

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final SessionStore sessions;

    public LoginService(UserRepository users, PasswordHasher hasher, LoginThrottle throttle, SessionStore sessions) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.sessions = sessions;
    }

    /** Checks {@code user}/{@code password} from {@code address}; wipes {@code password} afterwards. */
    public LoginResult login(String user, char[] password, String address) {
        try {
            if (!Names.isUser(user)) {
                hasher.verifyNothing(password);
                return LoginResult.INVALID;
            }
            if (throttle.blocked(user, address)) {
                LOG.warn("Login refused for user {} from {}: too many failed attempts", user, address);
                return LoginResult.THROTTLED;
            }
            Optional<User> found = users.find(user);
            boolean matches;
            if (found.isPresent()) {
                matches = hasher.verify(password, found.get().passwordHash());
            } else {
                hasher.verifyNothing(password);
                matches = false;
            }
            if (!matches || !found.get().enabled()) {
                throttle.failed(user, address);
                LOG.warn("Failed login for user {} from {}{}", user, address,
                        matches ? " (user disabled)" : "");
                return LoginResult.INVALID;
            }
            throttle.succeeded(user, address);
            User u = found.get();
            if (hasher.needsRehash(u.passwordHash())) {
                // Upgrades the seeded administrator's {sha-256} hash, or an older Argon2 cost, on its next login.
                users.setPasswordHash(u.name(), hasher.hash(password));
                LOG.info("Password hash of user {} upgraded to the current Argon2id parameters", u.name());
            }
            return LoginResult.ok(principalOf(u));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The credentials of an {@code Authorization} header ({@code Basic} or {@code Bearer}). */
    public LoginResult authenticate(String authorization, String address) {
        Credentials credentials = Credentials.parse(authorization);
        if (credentials instanceof Credentials.Password p) {
            return login(p.user(), p.password(), address);
        }
        if (credentials instanceof Credentials.Token t) {
            return session(t.token());
        }
        return LoginResult.INVALID;
    }

    /** The user of a live session token; INVALID if expired, unknown, or the user was disabled since. */
    public LoginResult session(String token) {
        Optional<Session> session = sessions.use(token);
        if (session.isEmpty()) {
            return LoginResult.INVALID;
        }
        Optional<User> user = users.find(session.get().user());
        if (user.isEmpty() || !user.get().enabled()) {
            sessions.end(token);
            return LoginResult.INVALID;
        }
        return LoginResult.ok(principalOf(user.get()));
    }

    public Session startSession(Principal principal) {
        return sessions.create(principal.name());
    }

    public void endSession(String token) {
        sessions.end(token);
    }

    private Principal principalOf(User user) {
        return new Principal(user.name(), user.roles(), users.permissionsOf(user.roles()));
    }
}
