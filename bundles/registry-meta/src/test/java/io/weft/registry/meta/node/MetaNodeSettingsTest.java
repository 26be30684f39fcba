package io.weft.registry.meta.node;

import static io.weft.registry.meta.node.ConfigStub.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.weft.codec.bolt.guard.GuardLimits;

class MetaNodeSettingsTest {

    private static final Path HOME = Path.of("/opt/weft").toAbsolutePath();

    @Test
    @DisplayName("REG-7, OPS-3: by default one member alone on 127.0.0.1:9612, raft data under <home>/data/registry/meta")
    void defaults() {
        MetaNodeSettings s = MetaNodeSettings.of(config(Map.of()), HOME);
        assertEquals(9612, s.raftPort());
        assertEquals("127.0.0.1", s.bindAddress());
        assertEquals("127.0.0.1:9612", s.self());
        assertEquals(List.of(), s.peers());
        assertEquals(HOME.resolve("data/registry/meta"), s.dataDir());
        assertEquals(30_000, s.nodeTimeoutMillis());
        assertEquals(256, s.slotCount());
        assertEquals(2, s.slotReplicas());
        assertEquals(new GuardLimits(16 * 1024 * 1024, 10, 64), s.raftPortLimits(), "the raft port's guard");
        assertEquals(s.raftPortLimits(), s.raftOptions().portLimits());
        assertEquals(new GuardLimits(1024 * 1024 + 64 * 1024, 20, 1_000), s.portLimits(), "the cluster ports'");
    }

    @Test
    @DisplayName("REG-44: peers given as the seed's plain IPs take the raft port; an absolute data directory is kept")
    void peersAndAbsoluteDataDir() {
        MetaNodeSettings s = MetaNodeSettings.of(config(Map.of("advertisedHost", "10.0.0.2",
                "peers", " 10.0.0.1, 10.0.0.2 ,10.0.0.3:9700", "dataDir", "/home/admin/raftData")), HOME);
        assertEquals(List.of("10.0.0.1:9612", "10.0.0.2:9612", "10.0.0.3:9700"), s.peers());
        assertEquals(Path.of("/home/admin/raftData"), s.dataDir());
    }

    @Test
    @DisplayName("REG-40: a configuration the group could not run is refused saying which setting is wrong")
    void refusals() {
        assertRefused("must include this member, 127.0.0.1:9612",
                Map.of("peers", "10.0.0.1,10.0.0.2"));
        assertRefused("peers: '10.0.0.1:x' is not a member address", Map.of("peers", "127.0.0.1,10.0.0.1:x"));
        assertRefused("advertisedHost must be an address the other meta servers can reach",
                Map.of("advertisedHost", "0.0.0.0"));
        assertRefused("advertisedHost must be a host without port", Map.of("advertisedHost", "10.0.0.1:9612"));
        assertRefused("raftPort must be from 1 to 65535", Map.of("raftPort", 0));
        assertRefused("nodeTimeoutMillis must be positive", Map.of("nodeTimeoutMillis", 0L));
        assertRefused("bindAddress is required", Map.of("bindAddress", " "));
        assertRefused("raftMaxFrameBytes must be at least 8388608", Map.of("raftMaxFrameBytes", 1024 * 1024));
        assertRefused("raftMaxConnections must be positive", Map.of("raftMaxConnections", 0));
        assertRefused("raftMaxNewConnectionsPerIpPerSecond must be positive",
                Map.of("raftMaxNewConnectionsPerIpPerSecond", 0));
    }

    @Test
    @DisplayName("REG-40: settings are equal exactly when a change needs no restart of the member")
    void equality() {
        MetaNodeSettings a = MetaNodeSettings.of(config(Map.of("httpInstance", "one")), HOME);
        MetaNodeSettings b = MetaNodeSettings.of(config(Map.of("httpInstance", "two")), HOME);
        MetaNodeSettings c = MetaNodeSettings.of(config(Map.of("electionTimeoutMs", 2000)), HOME);
        assertEquals(a, b, "the HTTP instance is not a member setting");
        assertTrue(!a.equals(c));
    }

    private static void assertRefused(String expected, Map<String, Object> values) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MetaNodeSettings.of(config(values), HOME));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
