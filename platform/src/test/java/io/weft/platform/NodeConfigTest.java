package io.weft.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeConfigTest {

    @TempDir
    Path conf;

    @Test
    @DisplayName("without conf/weft.properties a node runs standalone on loopback")
    void defaults() {
        NodeConfig config = NodeConfig.read(conf);
        assertEquals(List.of("standalone"), config.roles());
        assertEquals("127.0.0.1", config.bindAddress());
    }

    @Test
    @DisplayName("roles are a comma-separated list and framework.* lines become framework properties")
    void rolesAndFrameworkProperties() throws Exception {
        Files.writeString(conf.resolve("weft.properties"),
                "weft.roles = registry-meta, registry-data ,\nframework.felix.cache.bufsize=8192\n");
        NodeConfig config = NodeConfig.read(conf);
        assertEquals(List.of("registry-meta", "registry-data"), config.roles());
        assertEquals("8192", config.frameworkProperties().get("felix.cache.bufsize"));
    }

    @Test
    @DisplayName("an unreadable weft.properties stops the launch with a configuration error naming the file")
    void unreadableFile() throws Exception {
        Files.createDirectory(conf.resolve("weft.properties")); // a folder where a file should be
        LaunchException e = assertThrows(LaunchException.class, () -> NodeConfig.read(conf));
        assertEquals(LaunchException.CONFIG, e.exitStatus());
        assertTrue(e.getMessage().contains("weft.properties"), e.getMessage());
    }

    @Test
    @DisplayName("command line: --home, --role and unknown options")
    void commandLine() {
        LaunchOptions options = LaunchOptions.parse(new String[] {"--home", "/tmp/n1", "--role", "a,b"}, Path.of("."));
        assertEquals(Path.of("/tmp/n1"), options.home());
        assertEquals(List.of("a", "b"), options.roles());
        LaunchException e = assertThrows(LaunchException.class, () -> LaunchOptions.parse(new String[] {"--bogus"}, Path.of(".")));
        assertEquals(LaunchException.USAGE, e.exitStatus());
        assertThrows(LaunchException.class, () -> LaunchOptions.parse(new String[] {"--role"}, Path.of(".")));
    }
}
