package io.weft.auth.intelliproxy.session;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in memory with an idle timeout: each use moves the expiry forward. Sessions do not survive
 * a restart of the bundle or the node, which logs every console user out (they log in again).
 *
 * <p>Bounded: past {@code maxSessions} the expired ones are dropped and then the least recently used,
 * so a flood of logins cannot exhaust memory. Time comes from the injected {@link Clock}. Thread-safe.
 */
public final class SessionStore {

    private static final int TOKEN_BYTES = 32;

    private final Clock clock;
    private final int maxSessions;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private volatile Duration timeout;

    public SessionStore(Clock clock, Duration timeout, int maxSessions) {
        this.clock = clock;
        this.maxSessions = maxSessions;
        setTimeout(timeout);
    }

    /** Applies to existing sessions too: each is judged against the current timeout when next used. */
    public void setTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Session timeout must be positive, was " + timeout);
        }
        this.timeout = timeout;
    }

    public Session create(String user) {
        if (sessions.size() >= maxSessions) {
            evict();
        }
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Session session = new Session(token, user, now, now);
        sessions.put(token, session);
        return session;
    }

    /** The live session of {@code token}, its expiry moved forward; empty if unknown or expired. */
    public Optional<Session> use(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        Session session = sessions.get(token);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            sessions.remove(token, session);
            return Optional.empty();
        }
        Session touched = new Session(token, session.user(), session.created(), now);
        sessions.replace(token, session, touched);
        return Optional.of(touched);
    }

    public void end(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }

    /** Ends every session of {@code user}: after a password change, disabling, or a role change. */
    public void endAll(String user) {
        sessions.values().removeIf(s -> s.user().equals(user));
    }

    public void clear() {
        sessions.clear();
    }

    public int size() {
        return sessions.size();
    }

    private boolean expired(Session session, Instant now) {
        return !now.isBefore(session.lastUsed().plus(timeout));
    }

    private void evict() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> expired(s, now));
        while (sessions.size() >= maxSessions) {
            sessions.values().stream().min(Comparator.comparing(Session::lastUsed))
                    .ifPresent(oldest -> sessions.remove(oldest.token()));
        }
    }
}
