package io.weft.auth.intelliproxy.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes passwords with Argon2id and checks them, storing the hash in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (salt and hash in unpadded Base64), so every
 * stored hash carries its own salt and cost parameters and the defaults can be raised later without
 * invalidating older hashes ({@link #needsRehash} tells when to upgrade one at the next login).
 *
 * <p>Also checks the Web Console's own {@code {sha-256}<Base64>} form, only so the node's seeded
 * administrator keeps the password it was given; such a hash always {@link #needsRehash needs a rehash}.
 *
 * <p>Defaults are OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane. Thread-safe.
 */
public final class PasswordHasher {

    public static final int DEFAULT_MEMORY_KIB = 19 * 1024;
    public static final int DEFAULT_ITERATIONS = 2;
    public static final int DEFAULT_PARALLELISM = 1;

    private static final String PREFIX = "$argon2id$v=19$";
    private static final String LEGACY_SHA256 = "{sha-256}";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    /** Upper bounds on parameters read from a stored hash, so a tampered row cannot exhaust the node. */
    private static final int MAX_MEMORY_KIB = 1024 * 1024;
    private static final int MAX_ITERATIONS = 64;
    private static final int MAX_PARALLELISM = 16;

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher() {
        this(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);
    }

    public PasswordHasher(int memoryKib, int iterations, int parallelism) {
        checkParameters(memoryKib, iterations, parallelism);
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    /** A new salted hash of {@code password} with this hasher's parameters. */
    public String hash(char[] password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /**
     * Whether {@code password} matches {@code stored}. Compares in constant time; a stored value in no
     * known form never matches (and is not an error: the login simply fails).
     */
    public boolean verify(char[] password, String stored) {
        Objects.requireNonNull(password, "password");
        if (stored == null) {
            return false;
        }
        if (stored.startsWith(LEGACY_SHA256)) {
            return verifySha256(password, stored.substring(LEGACY_SHA256.length()));
        }
        Encoded e = Encoded.parse(stored);
        if (e == null) {
            return false;
        }
        byte[] actual = argon2(password, e.salt, e.memoryKib, e.iterations, e.parallelism, e.hash.length);
        return MessageDigest.isEqual(actual, e.hash);
    }

    /** Whether {@code stored} is weaker than what this hasher writes today (legacy form, lower cost). */
    public boolean needsRehash(String stored) {
        Encoded e = stored == null ? null : Encoded.parse(stored);
        return e == null || e.memoryKib < memoryKib || e.iterations < iterations || e.parallelism < parallelism;
    }

    /** Burns the time of one verification, so an unknown user name answers as slowly as a known one. */
    public void verifyNothing(char[] password) {
        argon2(password, new byte[SALT_BYTES], memoryKib, iterations, parallelism, HASH_BYTES);
    }

    private static byte[] argon2(char[] password, byte[] salt, int memoryKib, int iterations, int parallelism,
            int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        byte[] utf8 = toUtf8(password);
        try {
            generator.generateBytes(utf8, out);
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
        return out;
    }

    private static boolean verifySha256(char[] password, String base64) {
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] utf8 = toUtf8(password);
        try {
            return MessageDigest.isEqual(MessageDigest.getInstance("SHA-256").digest(utf8), expected);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    private static byte[] toUtf8(char[] password) {
        java.nio.ByteBuffer buffer = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
        return bytes;
    }

    private static void checkParameters(int memoryKib, int iterations, int parallelism) {
        if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB || iterations < 1
                || iterations > MAX_ITERATIONS || parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("Argon2id parameters out of range: m=" + memoryKib + " KiB, t="
                    + iterations + ", p=" + parallelism);
        }
    }

    /** A parsed {@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}, or {@code null} when malformed. */
    private record Encoded(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {

        static Encoded parse(String stored) {
            if (!stored.startsWith(PREFIX)) {
                return null;
            }
            String[] parts = stored.substring(PREFIX.length()).split("\\$", -1);
            if (parts.length != 3) {
                return null;
            }
            int m = -1;
            int t = -1;
            int p = -1;
            try {
                for (String kv : parts[0].split(",", -1)) {
                    int eq = kv.indexOf('=');
                    if (eq < 0) {
                        return null;
                    }
                    int v = Integer.parseInt(kv.substring(eq + 1));
                    switch (kv.substring(0, eq)) {
                        case "m" -> m = v;
                        case "t" -> t = v;
                        case "p" -> p = v;
                        default -> {
                            return null;
                        }
                    }
                }
                byte[] salt = Base64.getDecoder().decode(parts[1]);
                byte[] hash = Base64.getDecoder().decode(parts[2]);
                checkParameters(m, t, p);
                if (salt.length < 8 || hash.length < 16 || hash.length > 64) {
                    return null;
                }
                return new Encoded(m, t, p, salt, hash);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
