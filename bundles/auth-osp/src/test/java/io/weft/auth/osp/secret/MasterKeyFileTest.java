package io.weft.auth.osp.secret;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

import javax.crypto.SecretKey;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyFileTest {

    @TempDir
    Path home;

    @Test
    @DisplayName("CON-22: the master key is created once under data/osp, readable by its owner only")
    void createdOnceOwnerOnly() throws IOException {
        SecretKey first = MasterKeyFile.loadOrCreate(home, new SecureRandom());
        Path file = home.resolve("data/osp/master.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(32, first.getEncoded().length);
        SecretKey again = MasterKeyFile.loadOrCreate(home, new SecureRandom());
        assertArrayEquals(first.getEncoded(), again.getEncoded());
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    @Test
    @DisplayName("CON-22: a damaged master key file is reported, not replaced")
    void damaged() throws IOException {
        Path file = home.resolve("data/osp/master.key");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "dG9vIHNob3J0\n");
        IOException e = assertThrows(IOException.class, () -> MasterKeyFile.loadOrCreate(home, new SecureRandom()));
        assertEquals(file + " holds 9 bytes, a master key has 32", e.getMessage());
        assertEquals("dG9vIHNob3J0\n", Files.readString(file));
    }
}
