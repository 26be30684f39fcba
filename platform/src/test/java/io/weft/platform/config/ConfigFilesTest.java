package io.weft.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {

    @TempDir
    Path conf;

    @Test
    @DisplayName("a feature's configuration seeds conf/<pid>.cfg once; an operator's edit is never overwritten")
    void seedsOnce() throws Exception {
        ConfigFiles files = new ConfigFiles(conf);
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("port", 8341);
        defaults.put("host", "${weft.bind.address}");
        defaults.put("list", new String[] {"a", "b"});
        assertTrue(files.seed("org.example", defaults, Map.of("password", "{sha-256}x=")));
        Properties p = read(files.fileOf("org.example"));
        assertEquals("8341", p.getProperty("port"));
        assertEquals("${weft.bind.address}", p.getProperty("host"));
        assertEquals("a,b", p.getProperty("list"));
        assertEquals("{sha-256}x=", p.getProperty("password"));

        Files.writeString(files.fileOf("org.example"), "port=9999\n");
        assertFalse(files.seed("org.example", defaults, Map.of()));
        assertEquals("9999", read(files.fileOf("org.example")).getProperty("port"));
    }

    @Test
    @DisplayName("factory configurations are written as factory-name.cfg, FileInstall's convention")
    void factoryNames() {
        assertEquals(conf.resolve("org.example.factory-one.cfg"), new ConfigFiles(conf).fileOf("org.example.factory~one"));
    }

    @Test
    @DisplayName("the first console password is hashed as the Web Console expects and a random one is kept for the operator")
    void firstCredentials() throws Exception {
        Map<String, String> given = ConsoleCredentials.firstCredentials(Map.of("WEFT_ADMIN_PASSWORD", "s3cret"), conf);
        assertEquals("admin", given.get("username"));
        assertEquals(ConsoleCredentials.hash("s3cret"), given.get("password"));
        assertTrue(given.get("password").startsWith("{sha-256}"));
        assertFalse(Files.exists(conf.resolve(ConsoleCredentials.PASSWORD_FILE)));

        Map<String, String> random = ConsoleCredentials.firstCredentials(Map.of(), conf);
        String kept = Files.readString(conf.resolve(ConsoleCredentials.PASSWORD_FILE)).trim();
        assertEquals(ConsoleCredentials.hash(kept), random.get("password"));
        assertTrue(kept.length() >= 16);
    }

    private static Properties read(Path file) throws Exception {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        return p;
    }
}
