package io.weft.registry.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DataServerOptionsTest {

    @Test
    @DisplayName("REG-51: the meta list is comma-separated host:port, 9611 when no port is given")
    void metaServers() {
        assertEquals(List.of("10.0.0.1:9611", "10.0.0.2:9700", "10.0.0.3:9611"),
                DataServerOptions.metaServerList(" 10.0.0.1 ,10.0.0.2:9700,, 10.0.0.3:9611 "));
    }

    @Test
    @DisplayName("A bad meta list or value fails with the reason")
    void badValues() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> DataServerOptions.metaServerList(" , "));
        assertTrue(empty.getMessage().contains("no meta server"));
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
                () -> DataServerOptions.metaServerList("10.0.0.1:x"));
        assertTrue(port.getMessage().contains("not a number"));
        IllegalArgumentException lease = assertThrows(IllegalArgumentException.class,
                () -> new DataServerOptions("127.0.0.1", "127.0.0.1", 9620, 9621, List.of("a:9611"), "DC", "Z",
                        1000, 0, 1000, 3, 1000, 3000, 1 << 20));
        assertTrue(lease.getMessage().contains("leaseMillis"));
        assertThrows(IllegalArgumentException.class,
                () -> new DataServerOptions("127.0.0.1", "127.0.0.1", 9620, 9620, List.of("a:9611"), "DC", "Z",
                        1000, 1000, 1000, 3, 1000, 3000, 1 << 20));
    }
}
