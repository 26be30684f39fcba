package io.weft.auth.intelliproxy.admin;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.weft.auth.intelliproxy.password.PasswordHasher;
import io.weft.auth.intelliproxy.user.Names;
import io.weft.auth.intelliproxy.user.UserRepository;

/**
 * Makes the node's seeded console administrator the first intelliproxy user, so whoever could log in
 * before intelliproxy can log in after it with the same name and password.
 *
 * <p>Acts only while no user exists. Takes the Web Console's own {@code username}/{@code password}
 * (PID {@code org.apache.felix.webconsole.internal.servlet.OsgiManager}, seeded by the launcher with a
 * generated or operator-chosen password): a {@code {sha-256}} hash is kept as it is and upgraded to
 * Argon2id at the first login; a plain password is hashed now. Never the Web Console's built-in
 * default ({@code admin}/{@code admin}): with that, or nothing, no user is made and the log says how
 * to create one.
 */
public final class BootstrapAdmin {

    /** The Web Console's built-in default password {@code admin}, as it stores it. */
    static final String WEBCONSOLE_DEFAULT_HASH = "{sha-256}jGl25bVBBBW96Qi9Te4V37Fnqchz/Eu4qB9vKrRIqRg=";
    private static final Logger LOG = LoggerFactory.getLogger(BootstrapAdmin.class);

    private BootstrapAdmin() {
    }

    /** @return the name of the user created, or {@code null} when none was */
    public static String ensure(UserRepository users, PasswordHasher hasher, String username, String password) {
        if (!users.isEmpty()) {
            return null;
        }
        String name = username == null || username.isBlank() ? "admin" : username.strip();
        if (!Names.isUser(name)) {
            LOG.error("No intelliproxy user exists and the Web Console user name is not usable: create one with"
                    + " 'intelliproxy:user-create NAME admin' in the Gogo shell");
            return null;
        }
        String stored;
        if (password == null || password.isEmpty() || password.equals(WEBCONSOLE_DEFAULT_HASH)
                || password.equals("admin")) {
            LOG.error("No intelliproxy user exists and the Web Console has no password of its own (or the"
                    + " built-in default): none is created. Create an administrator with"
                    + " 'intelliproxy:user-create NAME admin' in the Gogo shell");
            return null;
        } else if (password.startsWith("{sha-256}")) {
            stored = password;
        } else if (password.startsWith("{")) {
            LOG.error("No intelliproxy user exists and the Web Console password uses a form intelliproxy does not"
                    + " read ({}...): create an administrator with 'intelliproxy:user-create NAME admin'",
                    password.substring(0, Math.min(password.indexOf('}') + 1, 12)));
            return null;
        } else {
            stored = hasher.hash(password.toCharArray());
        }
        try {
            users.create(name, stored, Set.of("admin"));
        } catch (RuntimeException raced) {
            // Nodes sharing one database may start together: another one created the first user meanwhile.
            if (!users.isEmpty()) {
                LOG.info("Another node created the first intelliproxy user meanwhile; {} not created here", name);
                return null;
            }
            throw raced;
        }
        LOG.info("Created intelliproxy user {} (role admin) with the Web Console administrator's password", name);
        return name;
    }
}
