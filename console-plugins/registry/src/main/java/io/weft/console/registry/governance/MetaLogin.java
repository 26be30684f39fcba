package io.weft.console.registry.governance;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The ops identity the page presents to the meta servers when it writes overrides: a console user of the
 * meta's node (intelliproxy) holding {@code registry.persistent-data.write}, sent as HTTP Basic, the scheme
 * the meta's access guard reads ({@code curl -u}). Without a user, nothing is sent: the meta then allows only
 * callers on its own host. {@link #toString()} never shows the password.
 */
public final class MetaLogin {

    private static final MetaLogin NONE = new MetaLogin("", "");

    private final String user;
    private final String password;

    private MetaLogin(String user, String password) {
        this.user = user;
        this.password = password;
    }

    /** @return the login of {@code user}, or {@link #none()} when {@code user} is blank */
    public static MetaLogin of(String user, String password) {
        String u = user == null ? "" : user.strip();
        if (u.isEmpty()) {
            return NONE;
        }
        if (u.indexOf(':') >= 0) {
            throw new IllegalArgumentException("metaUser cannot contain ':' (HTTP Basic separates user and password with it)");
        }
        return new MetaLogin(u, password == null ? "" : password);
    }

    public static MetaLogin none() {
        return NONE;
    }

    public boolean present() {
        return !user.isEmpty();
    }

    public String user() {
        return user;
    }

    /** The {@code Authorization} header's value (RFC 7617, UTF-8), or empty when there is no login. */
    public Optional<String> authorization() {
        if (!present()) {
            return Optional.empty();
        }
        return Optional.of("Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return present() ? "user " + user : "no login";
    }
}
