package io.weft.auth.osp.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The node's master key, the AES-256 key SecretKeys are encrypted with: {@code data/osp/master.key} under
 * the node's home, Base64 text, mode 600, created on first use. Losing it makes every stored SecretKey
 * unreadable (keys must then be created again), so operators back it up with the database.
 */
public final class MasterKeyFile {

    public static final String RELATIVE_PATH = "data/osp/master.key";
    static final int KEY_BYTES = 32;

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private MasterKeyFile() {
    }

    /** Reads the key under {@code home}, creating it first if there is none. */
    public static SecretKey loadOrCreate(Path home, SecureRandom random) throws IOException {
        Path file = home.resolve(RELATIVE_PATH);
        if (!Files.exists(file)) {
            create(file, random);
        }
        return read(file);
    }

    static SecretKey read(Path file) throws IOException {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not a Base64 master key", e);
        }
        if (key.length != KEY_BYTES) {
            throw new IOException(file + " holds " + key.length + " bytes, a master key has " + KEY_BYTES);
        }
        return new SecretKeySpec(key, "AES");
    }

    /**
     * Written to a private temporary file, then moved in: the key file never exists half-written or readable
     * by others, and if two starts race the first key wins.
     */
    private static void create(Path file, SecureRandom random) throws IOException {
        Path dir = file.getParent();
        boolean posix = Files.getFileStore(existingAncestor(dir)).supportsFileAttributeView("posix");
        if (posix) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
        } else {
            Files.createDirectories(dir);
        }
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Path tmp = Files.createTempFile(dir, "master.key", ".tmp", attributes);
        try {
            Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file);
            }
        } catch (FileAlreadyExistsException e) {
            // Another start created it first: keep theirs.
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Path existingAncestor(Path dir) {
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p;
    }
}
