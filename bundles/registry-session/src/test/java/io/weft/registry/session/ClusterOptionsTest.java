package io.weft.registry.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClusterOptionsTest {

    @Test
    @DisplayName("0021: no meta server is a standalone session, as before the cluster existed")
    void blankIsStandalone() {
        assertEquals(List.of(), ClusterOptions.metaServerList(""));
        assertEquals(List.of(), ClusterOptions.metaServerList(" , "));
        assertFalse(ClusterOptions.LOCAL.clustered());
    }

    @Test
    @DisplayName("REG-50: meta servers are host:9610 unless a port is given")
    void metaServers() {
        List<String> metas = ClusterOptions.metaServerList("10.0.0.1, 10.0.0.2:19610,[::1]");
        assertEquals(List.of("10.0.0.1:9610", "10.0.0.2:19610", "[::1]:9610"), metas);
        assertTrue(new ClusterOptions(metas, 1000, 5000, 3000).clustered());
    }

    @Test
    @DisplayName("0021: a bad meta server or period is refused with the reason")
    void refused() {
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
                () -> ClusterOptions.metaServerList("10.0.0.1:http"));
        assertTrue(port.getMessage().contains("10.0.0.1:http"), port.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClusterOptions.metaServerList("10.0.0.1:70000"));
        assertThrows(IllegalArgumentException.class, () -> new ClusterOptions(List.of("a:1"), 0, 5000, 3000));
    }
}
