package io.weft.platform.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The first Web Console credentials of a node. The console always asks for a user and password; on
 * the first start the launcher sets them in the console's configuration file: user {@code admin},
 * and the password from the environment variable {@value #PASSWORD_ENV} or, when that is unset, a
 * random one written to {@code data/initial-admin-password} (readable by the owner only). Only the
 * password's hash is kept in the configuration, in the Web Console's own format.
 */
public final class ConsoleCredentials {

    public static final String PID = "org.apache.felix.webconsole.internal.servlet.OsgiManager";
    public static final String PASSWORD_ENV = "WEFT_ADMIN_PASSWORD";
    public static final String USER_ENV = "WEFT_ADMIN_USER";
    public static final String PASSWORD_FILE = "initial-admin-password";

    private ConsoleCredentials() {
    }

    /**
     * The values to seed into the console configuration.
     *
     * @param env     the process environment
     * @param dataDir where a generated password is written
     */
    public static Map<String, String> firstCredentials(Map<String, String> env, Path dataDir) throws IOException {
        String user = env.getOrDefault(USER_ENV, "admin");
        String password = env.get(PASSWORD_ENV);
        if (password == null || password.isEmpty()) {
            password = randomPassword();
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve(PASSWORD_FILE);
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the folder's permissions are all there is
            }
        }
        return Map.of("username", user, "password", hash(password));
    }

    /** The Web Console's stored form of a password: {@code {sha-256}} and the Base64 of its SHA-256. */
    public static String hash(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return "{sha-256}" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
